package io.nagare.infra.data;

import java.util.List;
import java.util.Map;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.CfnReplicaKey;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The recovery Region's side of the data layer ({@link PlatformEnvironment#REPLICA_REGION}, Osaka; seed section 4.2):
 * the replica of the multi-Region business data key, which encrypts the global tables' replicas and the replicated
 * objects, and the bucket the data lake replicates to, with its own access log bucket. Deployed before the data stack:
 * DynamoDB creates a table's replica only when the replica key exists.
 *
 * <p>The primary key's ARN reaches this Region through a CDK cross-Region reference; the replica bucket has a name
 * derived from the environment and account ({@link #dataLakeReplicaName}), so the data stack names it without a
 * reference back.
 */
public final class ReplicaStack extends Stack {

    private final CfnReplicaKey businessDataReplica;
    private final SecureBucket dataLakeReplica;

    public ReplicaStack(Construct scope, String id, StackProps props, PlatformEnvironment environment,
                        IKey businessDataPrimary) {
        super(scope, id, props);
        businessDataReplica = CfnReplicaKey.Builder.create(this, "BusinessDataReplica")
                .primaryKeyArn(businessDataPrimary.getKeyArn())
                .description("Replica of the Nagare business data key (" + environment.id() + ")")
                .pendingWindowInDays(30)
                // As CDK's own key policy: the account administers the key through IAM, nothing else is granted here.
                .keyPolicy(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":root"),
                        "Action", "kms:*",
                        "Resource", "*"))))
                .build();
        IKey replicaKey = Key.fromKeyArn(this, "BusinessDataReplicaKey", businessDataReplica.getAttrArn());
        AccessLogBucket accessLogs = new AccessLogBucket(this, "AccessLogs");
        dataLakeReplica = new SecureBucket(this, "DataLakeReplica", replicaKey, accessLogs.bucket(),
                environment.dataRemovalPolicy(), dataLakeReplicaName(environment), List.of());
        NagAcknowledgement.of(dataLakeReplica.bucket(), "This bucket is the cross-Region replica of the data lake; "
                        + "replicating it again would only copy the copy.",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");
    }

    /** {@code nagare-<env>-data-lake-replica-<account>}: bucket names are global, so the account is part of it. */
    public static String dataLakeReplicaName(PlatformEnvironment environment) {
        return Fn.join("", List.of("nagare-" + environment.id() + "-data-lake-replica-", Aws.ACCOUNT_ID));
    }

    public IBucket dataLakeReplica() {
        return dataLakeReplica.bucket();
    }

    public String businessDataReplicaArn() {
        return businessDataReplica.getAttrArn();
    }
}
