package io.nagare.infra.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.infra.network.NetworkStack;
import io.nagare.infra.security.DataKeys;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ReplicationRule;
import software.amazon.awscdk.services.s3.ReplicationTimeValue;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The seed's data layer (section 2.3): the model's tables as global tables, RDS for PostgreSQL, ElastiCache for Redis,
 * the buckets (data lake and backups, replicated to the recovery Region where the environment keeps replicas; access
 * logs), and the backup plan over all of them. The monitoring UI bucket belongs to the edge ({@code EdgeStack}).
 */
public final class DataStack extends Stack {

    /** The id of the data lake's replication rule (a dimension of its replication metrics). */
    public static final String REPLICATION_RULE = "ToRecoveryRegion";

    private final ModelTables tables;
    private final PostgresDatabase database;
    private final RedisCache cache;
    private final IBucket accessLogs;
    private final SecureBucket dataLake;

    public DataStack(Construct scope, String id, StackProps props, PlatformEnvironment environment,
                     PlatformModel model, DataKeys keys, NetworkStack network) {
        super(scope, id, props);
        tables = new ModelTables(this, "Tables", new ModelTablesProps(environment, model.tables(),
                "nagare-" + environment.id() + "-", keys.businessData(),
                region -> keys.businessDataReplicaArn(this, region)));
        DataStoreProps storeProps = new DataStoreProps(environment, network.vpc(), keys.businessData());
        database = new PostgresDatabase(this, "Postgres", storeProps);
        cache = new RedisCache(this, "Redis", storeProps);
        database.securityGroup().addIngressRule(network.applicationSecurityGroup(),
                Port.tcp(PostgresDatabase.PORT), "PostgreSQL from the application tier");
        cache.securityGroup().addIngressRule(network.applicationSecurityGroup(),
                Port.tcp(RedisCache.PORT), "Redis from the application tier");

        accessLogs = new AccessLogBucket(this, "AccessLogs").bucket();
        List<ReplicationRule> replication = new ArrayList<>();
        if (environment.replicas()) {
            replication.add(ReplicationRule.builder()
                    .id(REPLICATION_RULE)
                    .priority(0)
                    .destination(Bucket.fromBucketName(this, "DataLakeReplica",
                            ReplicaStack.dataLakeReplicaName(environment)))
                    .kmsKey(Key.fromKeyArn(this, "BusinessDataReplicaKey",
                            keys.businessDataReplicaArn(this, PlatformEnvironment.REPLICA_REGION)))
                    .sseKmsEncryptedObjects(true)
                    .deleteMarkerReplication(true)
                    // The seed's RPO is five minutes: Replication Time Control is S3's replication SLA (15 minutes
                    // for 99.99 % of objects, most within seconds) and publishes the latency the operations stack
                    // alarms on above five minutes.
                    .replicationTimeControl(ReplicationTimeValue.FIFTEEN_MINUTES)
                    .metrics(ReplicationTimeValue.FIFTEEN_MINUTES)
                    .build());
        }
        dataLake = new SecureBucket(this, "DataLake", keys.businessData(), accessLogs,
                environment.dataRemovalPolicy(), null, replication);
        if (!replication.isEmpty()) {
            IConstruct role = dataLake.bucket().getNode().findChild("ReplicationRole");
            NagAcknowledgement.of(role, "The replication role's policy is CDK's grant for this one replication rule; "
                    + "it lives and dies with the role.", "PCI.DSS.321-IAMNoInlinePolicy",
                    "NIST.800.53.R5-IAMNoInlinePolicy");
            NagAcknowledgement.matching(role, "S3 replication reads every object version of the data lake and "
                            + "writes every replica into the replica bucket (object ARNs end in /*); the KMS data-key "
                            + "families decrypt with the source key and encrypt with the replica key only.",
                    "AwsSolutions-IAM5", "/^Resource::<DataLakeBucket[0-9A-F]+\\.Arn>\\/\\*$/g",
                    "/^Resource::arn:<AWS::Partition>:s3:::nagare-[a-z]+-data-lake-replica-<AWS::AccountId>\\/\\*$/g",
                    "/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g");
        }
        if (replication.isEmpty()) {
            NagAcknowledgement.of(dataLake.bucket(), "This environment keeps no copy in the recovery Region (see "
                            + "PlatformEnvironment.replicas); the AWS Backup plan below copies it daily.",
                    "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");
        }

        DataBackup backup = new DataBackup(this, "Backup", environment, keys.businessData());
        List<BackupResource> protectedResources = new ArrayList<>();
        for (ITableV2 table : tables.tables().values()) {
            protectedResources.add(BackupResource.fromArn(table.getTableArn()));
        }
        protectedResources.add(BackupResource.fromRdsDatabaseInstance(database.instance()));
        protectedResources.add(BackupResource.fromArn(dataLake.bucket().getBucketArn()));
        backup.protect("DataStores", protectedResources);
    }

    public Map<String, ITableV2> tables() {
        return tables.tables();
    }

    public PostgresDatabase database() {
        return database;
    }

    public RedisCache cache() {
        return cache;
    }

    public IBucket accessLogs() {
        return accessLogs;
    }

    public IBucket dataLake() {
        return dataLake.bucket();
    }
}
