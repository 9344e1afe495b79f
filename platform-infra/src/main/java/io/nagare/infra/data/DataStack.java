package io.nagare.infra.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.infra.network.NetworkStack;
import io.nagare.infra.security.DataKeys;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The seed's data layer (section 2.3): the model's tables as global tables, RDS for PostgreSQL, ElastiCache for Redis,
 * the buckets (monitoring UI, data lake and backups, access logs), and the backup plan over all of them.
 */
public final class DataStack extends Stack {

    static final int ACCESS_LOG_DAYS = 365;

    private final ModelTables tables;
    private final PostgresDatabase database;
    private final RedisCache cache;
    private final Bucket accessLogs;
    private final SecureBucket uiBucket;
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

        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                // S3 server access logging delivers only to buckets encrypted with S3-managed keys.
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireAccessLogs")
                        .expiration(Duration.days(ACCESS_LOG_DAYS))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagAcknowledgement.of(accessLogs, "This is the access log bucket itself: logging its own access would loop. "
                        + "S3 delivers server access logs only to buckets with S3-managed encryption, and the logs "
                        + "are kept one year in place rather than replicated.",
                "AwsSolutions-S1", "NIST.800.53.R5-S3BucketLoggingEnabled", "PCI.DSS.321-S3BucketLoggingEnabled",
                "NIST.800.53.R5-S3DefaultEncryptionKMS", "PCI.DSS.321-S3DefaultEncryptionKMS",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");
        uiBucket = new SecureBucket(this, "MonitoringUi", keys.businessData(), accessLogs,
                environment.dataRemovalPolicy());
        NagAcknowledgement.of(uiBucket.bucket(), "The monitoring UI is static content built from the repository; "
                        + "a lost Region is recovered by redeploying it, not from a replica.",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");
        dataLake = new SecureBucket(this, "DataLake", keys.businessData(), accessLogs,
                environment.dataRemovalPolicy());
        NagAcknowledgement.of(dataLake.bucket(), "Its versioned objects are copied by the AWS Backup plan below "
                        + "(daily, 35 days; monthly, a year); cross-Region replication to Osaka is not built yet.",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");

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

    public IBucket uiBucket() {
        return uiBucket.bucket();
    }

    public IBucket dataLake() {
        return dataLake.bucket();
    }
}
