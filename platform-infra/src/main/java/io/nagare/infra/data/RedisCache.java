package io.nagare.infra.data;

import java.util.List;

import io.nagare.infra.compliance.NagAcknowledgement;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The seed's ElastiCache for Redis (sessions, query cache; sections 2.3, 5.2) in the application subnets, as the seed
 * places it: a primary and a replica over 1a and 1c with automatic failover, encrypted at rest with the business data
 * key and in transit, Redis AUTH with a token kept in Secrets Manager, daily snapshots kept 15 days.
 */
public final class RedisCache extends Construct {

    /** Not Redis's 6379. */
    public static final int PORT = 6380;
    static final int SNAPSHOT_RETENTION_DAYS = 15;

    private final SecurityGroup securityGroup;
    private final Secret authToken;
    private final CfnReplicationGroup replicationGroup;

    public RedisCache(Construct scope, String id, DataStoreProps props) {
        super(scope, id);
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.vpc())
                .description("Nagare Redis: reachable only from the application security groups allowed in")
                .allowAllOutbound(false)
                .build();
        List<String> subnetIds = props.vpc().selectSubnets(SubnetSelection.builder()
                .subnetType(SubnetType.PRIVATE_WITH_EGRESS).build()).getSubnets().stream()
                .map(ISubnet::getSubnetId).toList();
        CfnSubnetGroup subnets = CfnSubnetGroup.Builder.create(this, "Subnets")
                .description("Nagare Redis: the application subnets")
                .subnetIds(subnetIds)
                .build();
        authToken = Secret.Builder.create(this, "AuthToken")
                .description("Nagare Redis AUTH token")
                .encryptionKey(props.key())
                .generateSecretString(SecretStringGenerator.builder()
                        .excludePunctuation(true).passwordLength(64).build())
                .build();
        NagAcknowledgement.of(authToken, "A Redis AUTH token cannot be rotated by a Secrets Manager rotation function "
                        + "without a coordinated ModifyReplicationGroup; it is rotated by redeploying with a new token.",
                "AwsSolutions-SMG4", "NIST.800.53.R5-SecretsManagerRotationEnabled",
                "PCI.DSS.321-SecretsManagerRotationEnabled");
        replicationGroup = CfnReplicationGroup.Builder.create(this, "ReplicationGroup")
                .replicationGroupDescription("Nagare sessions and query cache")
                .engine("redis")
                .engineVersion("7.1")
                .cacheNodeType(props.environment().cacheNodeType())
                .numCacheClusters(2)
                .multiAzEnabled(true)
                .automaticFailoverEnabled(true)
                .preferredCacheClusterAZs(List.of("ap-northeast-1a", "ap-northeast-1c"))
                .cacheSubnetGroupName(subnets.getRef())
                .securityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                .port(PORT)
                .atRestEncryptionEnabled(true)
                .kmsKeyId(props.key().getKeyArn())
                .transitEncryptionEnabled(true)
                .authToken(SecretValue.secretsManager(authToken.getSecretArn()).unsafeUnwrap())
                .snapshotRetentionLimit(SNAPSHOT_RETENTION_DAYS)
                .autoMinorVersionUpgrade(true)
                .build();
    }

    public ISecurityGroup securityGroup() {
        return securityGroup;
    }

    public ISecret authToken() {
        return authToken;
    }

    public String primaryEndpoint() {
        return replicationGroup.getAttrPrimaryEndPointAddress();
    }
}
