package io.nagare.infra.data;

import java.util.List;

import io.nagare.infra.compliance.NagAcknowledgement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The bucket of one Region that receives S3 server access logs (and CloudFront's standard logs): private, TLS only,
 * versioned, kept a year. S3 delivers access logs only to buckets encrypted with S3-managed keys, and CloudFront's
 * standard logs need ACLs, hence {@code BUCKET_OWNER_PREFERRED}.
 */
public final class AccessLogBucket extends Construct {

    static final int ACCESS_LOG_DAYS = 365;

    private final Bucket bucket;

    public AccessLogBucket(Construct scope, String id) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireAccessLogs")
                        .expiration(Duration.days(ACCESS_LOG_DAYS))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagAcknowledgement.of(bucket, "This is the access log bucket itself: logging its own access would loop. "
                        + "S3 delivers server access logs only to buckets with S3-managed encryption, and the logs "
                        + "are kept one year in place rather than replicated.",
                "AwsSolutions-S1", "NIST.800.53.R5-S3BucketLoggingEnabled", "PCI.DSS.321-S3BucketLoggingEnabled",
                "NIST.800.53.R5-S3DefaultEncryptionKMS", "PCI.DSS.321-S3DefaultEncryptionKMS",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");
    }

    public Bucket bucket() {
        return bucket;
    }
}
