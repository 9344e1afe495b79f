package io.nagare.infra.data;

import java.util.List;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.ReplicationRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * An S3 bucket as the seed wants every bucket (sections 2.3, 3.3, 7.3): no public access, TLS only, versioned,
 * encrypted with a customer-managed key, objects in Intelligent-Tiering from the first day, old versions expired,
 * access logged to the access log bucket.
 */
public final class SecureBucket extends Construct {

    static final int NONCURRENT_VERSION_DAYS = 90;

    private final Bucket bucket;

    public SecureBucket(Construct scope, String id, IKey key, IBucket accessLogs, RemovalPolicy removalPolicy) {
        this(scope, id, key, accessLogs, removalPolicy, null, List.of());
    }

    /**
     * A bucket named {@code bucketName} ({@code null}: generated) whose objects are also replicated as
     * {@code replication} says (versioning, which S3 requires, is on).
     */
    public SecureBucket(Construct scope, String id, IKey key, IBucket accessLogs, RemovalPolicy removalPolicy,
                        String bucketName, List<ReplicationRule> replication) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(bucketName)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(id + "/")
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("IntelligentTieringAndOldVersions")
                        .transitions(List.of(Transition.builder()
                                .storageClass(StorageClass.INTELLIGENT_TIERING)
                                .transitionAfter(Duration.days(0)).build()))
                        .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                                .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                                .transitionAfter(Duration.days(30)).build()))
                        .noncurrentVersionExpiration(Duration.days(NONCURRENT_VERSION_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build()))
                .replicationRules(replication.isEmpty() ? null : replication)
                .removalPolicy(removalPolicy)
                .build();
    }

    public Bucket bucket() {
        return bucket;
    }
}
