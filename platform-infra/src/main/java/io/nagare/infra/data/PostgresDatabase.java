package io.nagare.infra.data;

import java.util.List;
import java.util.Map;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.rds.CaCertificate;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsBaseOptions;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IDatabaseInstance;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PerformanceInsightRetention;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.constructs.Construct;

/**
 * The seed's RDS for PostgreSQL (sections 2.3, 4.1): Multi-AZ over 1a and 1c in the isolated data subnets, encrypted
 * at rest with the business data key and in transit (TLS forced), seven days of automated backups with point-in-time
 * recovery, IAM authentication, enhanced monitoring and logs to CloudWatch. The master password is generated into
 * Secrets Manager and rotated every 30 days.
 */
public final class PostgresDatabase extends Construct {

    /** Not PostgreSQL's 5432, so scans for the default port find nothing. */
    public static final int PORT = 5438;

    private final DatabaseInstance instance;
    private final SecurityGroup securityGroup;

    public PostgresDatabase(Construct scope, String id, DataStoreProps props) {
        super(scope, id);
        PlatformEnvironment environment = props.environment();
        PostgresInstanceEngineProps engineProps = PostgresInstanceEngineProps.builder()
                .version(PostgresEngineVersion.VER_16_13).build();
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.vpc())
                .description("Nagare PostgreSQL: reachable only from the application security groups allowed in")
                .allowAllOutbound(false)
                .build();
        instance = DatabaseInstance.Builder.create(this, "Instance")
                .engine(DatabaseInstanceEngine.postgres(engineProps))
                .instanceType(new InstanceType(environment.databaseInstanceClass()))
                .vpc(props.vpc())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                .securityGroups(List.of(securityGroup))
                .port(PORT)
                .multiAz(true)
                .storageEncrypted(true)
                .storageEncryptionKey(props.key())
                .credentials(Credentials.fromGeneratedSecret("nagare", CredentialsBaseOptions.builder()
                        .encryptionKey(props.key()).build()))
                .parameterGroup(ParameterGroup.Builder.create(this, "Parameters")
                        .engine(DatabaseInstanceEngine.postgres(engineProps))
                        .description("Nagare PostgreSQL: TLS only")
                        .parameters(Map.of("rds.force_ssl", "1"))
                        .build())
                .caCertificate(CaCertificate.RDS_CA_RSA2048_G1)
                .backupRetention(Duration.days(7))
                .deletionProtection(environment.deletionProtection())
                .removalPolicy(environment.dataRemovalPolicy())
                .iamAuthentication(true)
                .autoMinorVersionUpgrade(true)
                .publiclyAccessible(false)
                .copyTagsToSnapshot(true)
                .monitoringInterval(Duration.seconds(60))
                .enablePerformanceInsights(true)
                .performanceInsightRetention(PerformanceInsightRetention.DEFAULT)
                .performanceInsightEncryptionKey(props.key())
                .cloudwatchLogsExports(List.of("postgresql", "upgrade"))
                .build();
        instance.addRotationSingleUser();
        NagAcknowledgement.limited(instance, "Enhanced monitoring needs RDS's own managed policy on its monitoring "
                        + "role; it grants only publishing OS metrics to CloudWatch Logs.", "AwsSolutions-IAM4",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
        if (!environment.deletionProtection()) {
            NagAcknowledgement.of(instance, "Deletion protection is on in prod; " + environment.id()
                            + " databases are rebuilt from infrastructure code and hold no business records.",
                    "AwsSolutions-RDS10", "NIST.800.53.R5-RDSInstanceDeletionProtectionEnabled",
                    "PCI.DSS.321-RDSInstanceDeletionProtectionEnabled");
        }
    }

    public IDatabaseInstance instance() {
        return instance;
    }

    public ISecurityGroup securityGroup() {
        return securityGroup;
    }
}
