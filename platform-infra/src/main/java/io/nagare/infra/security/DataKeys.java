package io.nagare.infra.security;

import java.util.List;
import java.util.Map;

import io.nagare.infra.PlatformEnvironment;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.CfnKey;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * One customer-managed KMS key per data class, each rotated yearly: business data at rest (tables, database, cache,
 * buckets, backups), messages in flight (queues, topics, buses) and logs. Separate keys let an operator revoke or audit
 * one class without touching the others. The business data key is multi-Region, so the global tables' replicas in
 * {@link PlatformEnvironment#REPLICA_REGION} are encrypted by a replica of the same key.
 */
public final class DataKeys extends Construct {

    private final Key businessData;
    private final Key messaging;
    private final Key logs;

    public DataKeys(Construct scope, String id, PlatformEnvironment environment) {
        super(scope, id);
        businessData = key("BusinessData", "Nagare business data at rest (tables, database, cache, buckets)",
                environment);
        ((CfnKey) businessData.getNode().getDefaultChild()).setMultiRegion(true);
        messaging = key("Messaging", "Nagare messages in flight (queues, topics, event buses)", environment);
        logs = key("Logs", "Nagare logs (CloudWatch Logs, flow logs, state machine logs, CloudTrail)", environment);

        // Services that write with the key on their own behalf, each limited to this account.
        for (String service : List.of("events.amazonaws.com", "cloudwatch.amazonaws.com", "sns.amazonaws.com")) {
            messaging.addToResourcePolicy(PolicyStatement.Builder.create()
                    .principals(List.of(new ServicePrincipal(service)))
                    .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                    .resources(List.of("*"))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                    .build());
        }
        logs.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("logs." + PlatformEnvironment.REGION + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + Aws.PARTITION + ":logs:" + PlatformEnvironment.REGION + ":" + Aws.ACCOUNT_ID + ":*")))
                .build());
        logs.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey*", "kms:DescribeKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build());
    }

    private Key key(String id, String description, PlatformEnvironment environment) {
        return Key.Builder.create(this, id)
                .description(description)
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(365))
                .pendingWindow(Duration.days(30))
                .removalPolicy(environment.dataRemovalPolicy())
                .build();
    }

    public IKey businessData() {
        return businessData;
    }

    public IKey messaging() {
        return messaging;
    }

    public IKey logs() {
        return logs;
    }

    /**
     * The ARN of the business data key's replica in {@code region}. A multi-Region key keeps its key id in every
     * Region, so the ARN is known without a lookup; {@code ReplicaStack} creates the replica itself.
     */
    public String businessDataReplicaArn(Stack consumer, String region) {
        return Fn.join("", List.of("arn:", Aws.PARTITION, ":kms:", region, ":", consumer.getAccount(), ":key/",
                businessData.getKeyId()));
    }
}
