package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** One assertion per requirement of the seed and issue 7, on the templates of the test model. */
class SeedRequirementsTest {

    private final NagarePlatform dev = PlatformFixture.dev();
    private final NagarePlatform prod = PlatformFixture.prod();

    private static Template template(software.amazon.awscdk.Stack stack) {
        return PlatformFixture.template(stack);
    }

    @SuppressWarnings("unchecked")
    private static Collection<Map<String, Object>> properties(Template template, String type) {
        return template.findResources(type).values().stream()
                .map(resource -> (Map<String, Object>) resource.get("Properties")).toList();
    }

    @Test
    void kmsKeys_shouldRotate_whenSynthesized() {
        Collection<Map<String, Object>> keys = properties(template(dev.security()), "AWS::KMS::Key");
        assertThat(keys).hasSize(3).allSatisfy(key -> assertThat(key).containsEntry("EnableKeyRotation", true));
    }

    @Test
    void userPool_shouldRequireMfaWithThreatProtection_whenSynthesized() {
        template(dev.security()).hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "MfaConfiguration", "ON",
                "UserPoolAddOns", Map.of("AdvancedSecurityMode", "ENFORCED")));
    }

    @Test
    void partnerClients_shouldUseClientCredentialsOnly_whenSynthesized() {
        Collection<Map<String, Object>> clients = properties(template(dev.security()), "AWS::Cognito::UserPoolClient");
        assertThat(clients).hasSize(2).allSatisfy(client -> {
            assertThat(client).containsEntry("AllowedOAuthFlows", List.of("client_credentials"));
            assertThat(client).containsEntry("GenerateSecret", true);
        });
    }

    @Test
    void webAcl_shouldHaveManagedRulesRateLimitAndGeoRestriction_whenSynthesized() {
        String acl = template(dev.security()).findResources("AWS::WAFv2::WebACL").values().toString();
        assertThat(acl).contains("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesAmazonIpReputationList", "RateBasedStatement",
                "GeoMatchStatement");
        template(dev.security()).resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
        template(dev.security()).resourceCountIs("AWS::WAFv2::LoggingConfiguration", 1);
    }

    @Test
    void tables_shouldBeGlobalWithReplicaPitrAndCmkInProd_whenSynthesized() {
        Object replica = Match.objectLike(Map.of("Region", "ap-northeast-3", "DeletionProtectionEnabled", true,
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
        template(prod.data()).hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of(
                "TableName", "nagare-prod-orders",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "SSESpecification", Map.of("SSEEnabled", true, "SSEType", "KMS"),
                "Replicas", Match.arrayWith(List.of(replica)))));
    }

    @Test
    void tables_shouldHaveNoReplicaInDev_whenSynthesized() {
        for (Map<String, Object> table : properties(template(dev.data()), "AWS::DynamoDB::GlobalTable")) {
            assertThat((List<?>) table.get("Replicas")).hasSize(1);
        }
    }

    @Test
    void tables_shouldCarryTheModelsIndexes_whenSynthesized() {
        String tables = template(dev.data()).findResources("AWS::DynamoDB::GlobalTable").values().toString();
        assertThat(tables).contains("IndexName=by-customer", "IndexName=by-kind");
    }

    @Test
    void postgres_shouldBeMultiAzEncryptedWithSevenDayBackups_whenSynthesized() {
        template(dev.data()).hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "Engine", "postgres", "MultiAZ", true, "StorageEncrypted", true, "BackupRetentionPeriod", 7,
                "PubliclyAccessible", false)));
        template(prod.data()).hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "DeletionProtection", true)));
    }

    @Test
    void postgres_shouldLiveInTheDataSubnets_whenSynthesized() {
        String subnetGroup = template(dev.data()).findResources("AWS::RDS::DBSubnetGroup").values().toString();
        assertThat(subnetGroup).contains("DataSubnet1", "DataSubnet2").doesNotContain("ApplicationSubnet");
    }

    @Test
    void redis_shouldBeMultiAzAndEncryptedBothWays_whenSynthesized() {
        template(dev.data()).hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "MultiAZEnabled", true, "AutomaticFailoverEnabled", true, "NumCacheClusters", 2,
                "AtRestEncryptionEnabled", true, "TransitEncryptionEnabled", true)));
    }

    @Test
    void buckets_shouldBlockPublicAccessVersionAndLog_whenSynthesized() {
        for (Map<String, Object> bucket : properties(template(dev.data()), "AWS::S3::Bucket")) {
            assertThat(bucket).containsEntry("PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true,
                    "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
            assertThat(bucket).containsEntry("VersioningConfiguration", Map.of("Status", "Enabled"));
        }
        Object tiering = Match.objectLike(Map.of("Transitions", List.of(Map.of(
                "StorageClass", "INTELLIGENT_TIERING", "TransitionInDays", 0))));
        template(dev.data()).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LoggingConfiguration", Match.anyValue(),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(tiering))))));
    }

    @Test
    void buckets_shouldRefuseRequestsWithoutTls_whenSynthesized() {
        String policies = template(dev.data()).findResources("AWS::S3::BucketPolicy").values().toString();
        assertThat(policies).contains("aws:SecureTransport=false");
    }

    @Test
    void backupPlan_shouldCoverTablesDatabaseAndDataLake_whenSynthesized() {
        template(dev.data()).resourceCountIs("AWS::Backup::BackupPlan", 1);
        String selection = template(dev.data()).findResources("AWS::Backup::BackupSelection").values().toString();
        assertThat(selection).contains("Tablesorders", "Tablesaudit", "PostgresInstance", "DataLake");
    }

    @Test
    void queues_shouldBeEncryptedAndHaveARedrivePolicyOrBeADlq_whenSynthesized() {
        Collection<Map<String, Object>> queues = properties(template(dev.eventing()), "AWS::SQS::Queue");
        assertThat(queues).hasSize(PlatformFixture.model().queues().size()).allSatisfy(queue -> {
            assertThat(queue).containsKey("KmsMasterKeyId");
            boolean isDlq = PlatformFixture.model().deadLetterQueues().stream()
                    .anyMatch(dlq -> queue.get("QueueName").toString().endsWith(dlq.name()));
            assertThat(isDlq || queue.containsKey("RedrivePolicy")).as("%s", queue.get("QueueName")).isTrue();
        });
    }

    @Test
    void bus_shouldBeArchived_whenDeclared() {
        template(dev.eventing()).hasResourceProperties("AWS::Events::Archive", Match.objectLike(Map.of(
                "ArchiveName", "nagare-dev-nagare", "RetentionDays", 30)));
    }

    @Test
    void schemaRegistry_shouldHoldEveryVersionAsDraft4_whenSynthesized() {
        Collection<Map<String, Object>> schemas = properties(template(dev.eventing()), "AWS::EventSchemas::Schema");
        long versions = PlatformFixture.registry().eventTypes().stream().mapToLong(t -> t.versions().size()).sum();
        assertThat(schemas).hasSize((int) versions).allSatisfy(schema -> {
            assertThat(schema).containsEntry("Type", "JSONSchemaDraft4");
            assertThat(schema.get("Content").toString()).contains("draft-04").doesNotContain("$defs");
        });
    }

    @Test
    void ruleTargets_shouldHaveRetryPolicyAndDlq_whenTheyDeliverToFunctionsSagasOrQueues() {
        Collection<Map<String, Object>> rules = properties(template(dev.subscriptions()), "AWS::Events::Rule");
        assertThat(rules).hasSize(PlatformFixture.model().subscriptions().size());
        for (Map<String, Object> rule : rules) {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = ((List<Map<String, Object>>) rule.get("Targets")).get(0);
            assertThat(target).containsKey("RetryPolicy");
            if (!"order-confirmed-to-audit".equals(rule.get("Name"))) {
                assertThat(target).as("%s", rule.get("Name")).containsKey("DeadLetterConfig");
            }
        }
    }

    @Test
    void functions_shouldRunJava21OnArmWithSnapStartTracingAndVpc_whenSynthesized() {
        Collection<Map<String, Object>> functions = properties(template(dev.compute()), "AWS::Lambda::Function");
        assertThat(functions).hasSize(PlatformFixture.model().functions().size()).allSatisfy(function -> {
            assertThat(function).containsEntry("Runtime", "java21")
                    .containsEntry("Architectures", List.of("arm64"))
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"))
                    .containsEntry("TracingConfig", Map.of("Mode", "Active"))
                    .containsKey("VpcConfig").containsKey("LoggingConfig");
        });
        template(dev.compute()).resourceCountIs("AWS::Lambda::Alias", PlatformFixture.model().functions().size());
    }

    @Test
    void functionPolicies_shouldHaveNoWildcardActions_whenDerivedFromTheModel() {
        LeastPrivilege.assertNoWildcardActions(template(dev.compute()));
    }

    @Test
    void sagas_shouldLogAllAndTrace_whenSynthesized() {
        Collection<Map<String, Object>> machines = properties(template(dev.compute()),
                "AWS::StepFunctions::StateMachine");
        assertThat(machines).hasSize(2).allSatisfy(machine -> {
            assertThat(machine).containsEntry("TracingConfiguration", Map.of("Enabled", true));
            assertThat(machine.get("LoggingConfiguration").toString()).contains("Level=ALL");
            assertThat(machine).containsKey("DefinitionSubstitutions");
        });
    }

    @Test
    void fargate_shouldRunInTheApplicationSubnetsWithoutPublicIps_whenSynthesized() {
        template(dev.compute()).hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "LaunchType", "FARGATE",
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                        "AssignPublicIp", "DISABLED"))))));
    }

    @Test
    void api_shouldAuthorizeRoutesWithCognitoJwtAndScopes_whenSynthesized() {
        template(dev.api()).hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.objectLike(Map.of(
                "AuthorizerType", "JWT")));
        template(dev.api()).hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of(
                "RouteKey", "GET /v1/processes/{orderId}", "AuthorizationType", "JWT",
                "AuthorizationScopes", List.of("processes/read"))));
    }

    @Test
    void apiStage_shouldThrottleAndLogAccess_whenSynthesized() {
        template(dev.api()).hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "DefaultRouteSettings", Match.objectLike(Map.of("ThrottlingRateLimit", 500)),
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue())))));
    }

    @Test
    void dlqs_shouldEachHaveADepthAlarm_whenSynthesized() {
        String alarms = template(dev.operations()).findResources("AWS::CloudWatch::Alarm").values().toString();
        for (var dlq : PlatformFixture.model().deadLetterQueues()) {
            assertThat(alarms).contains("dead-letter queue '" + dlq.name() + "'");
        }
    }

    @Test
    void operations_shouldHaveDashboardsTrailAndBudget_whenSynthesized() {
        template(dev.operations()).resourceCountIs("AWS::CloudWatch::Dashboard", 1 + 2);
        template(dev.operations()).hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of(
                "IsMultiRegionTrail", true, "EnableLogFileValidation", true)));
        template(dev.operations()).resourceCountIs("AWS::Budgets::Budget", 1);
    }

    @Test
    void stacks_shouldCarryCostAllocationTags_whenSynthesized() {
        String vpc = template(dev.network()).findResources("AWS::EC2::VPC").values().toString();
        assertThat(vpc).contains("Key=service, Value=nagare", "Key=environment, Value=dev");
        String function = template(dev.compute()).findResources("AWS::Lambda::Function").values().toString();
        assertThat(function).contains("Key=domain, Value=orders");
    }
    @Test
    void distribution_shouldServeApiAndUiOverTls12WithCertificateWebAclAndLogs_whenSynthesized() {
        Template edge = template(dev.edge());
        edge.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of(
                "DistributionConfig", Match.objectLike(Map.of(
                        "ViewerCertificate", Match.objectLike(Map.of(
                                "MinimumProtocolVersion", "TLSv1.2_2021",
                                "SslSupportMethod", "sni-only",
                                "AcmCertificateArn", Map.of("Ref", "EdgeCertificateArn"))),
                        "Aliases", List.of(Map.of("Ref", "EdgeDomainName")),
                        "WebACLId", Match.anyValue(),
                        "Logging", Match.objectLike(Map.of("Prefix", "cloudfront/")),
                        "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
                        "CacheBehaviors", List.of(Match.objectLike(Map.of(
                                "PathPattern", "/v1/*", "ViewerProtocolPolicy", "https-only"))))))));
        edge.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        assertThat(edge.findParameters("EdgeCertificateArn").toString()).contains("acm:us-east-1");
        String origins = edge.findResources("AWS::CloudFront::Distribution").values().toString();
        assertThat(origins).contains("OriginSSLProtocols=[TLSv1.2]", "OriginProtocolPolicy=https-only");
    }

    @Test
    void edgeFirewall_shouldBeCloudFrontScopedInUsEast1_whenSynthesized() {
        assertThat(dev.edgeFirewall().getRegion()).isEqualTo("us-east-1");
        template(dev.edgeFirewall()).hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of(
                "Scope", "CLOUDFRONT")));
        String acl = template(dev.edgeFirewall()).findResources("AWS::WAFv2::WebACL").values().toString();
        assertThat(acl).contains("AWSManagedRulesCommonRuleSet", "RateBasedStatement", "GeoMatchStatement");
        template(dev.edgeFirewall()).resourceCountIs("AWS::WAFv2::LoggingConfiguration", 1);
    }

    @Test
    void dataLake_shouldReplicateToOsakaWithReplicationTimeControl_whenTheEnvironmentKeepsReplicas() {
        template(prod.data()).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Status", "Enabled",
                        "SourceSelectionCriteria", Match.objectLike(Map.of(
                                "SseKmsEncryptedObjects", Map.of("Status", "Enabled"))),
                        "Destination", Match.objectLike(Map.of(
                                "ReplicationTime", Map.of("Status", "Enabled", "Time", Map.of("Minutes", 15)),
                                "Metrics", Match.objectLike(Map.of("Status", "Enabled")),
                                "EncryptionConfiguration", Match.objectLike(Map.of(
                                        "ReplicaKmsKeyID", Match.anyValue()))))))))))));
        assertThat(prod.replica().getRegion()).isEqualTo("ap-northeast-3");
        template(prod.replica()).resourceCountIs("AWS::KMS::ReplicaKey", 1);
        template(prod.replica()).hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "BucketEncryption", Match.anyValue())));
        assertThat(dev.replica()).isNull();
        assertThat(properties(template(dev.data()), "AWS::S3::Bucket"))
                .noneMatch(bucket -> bucket.containsKey("ReplicationConfiguration"));
    }

    @Test
    void replicationLag_shouldAlarmPastTheRpo_whenReplicated() {
        String alarm = template(prod.operations()).findResources("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Threshold", 300))))).values().toString();
        assertThat(alarm).contains("MetricName=ReplicationLatency", "Namespace=AWS/S3", "RuleId",
                "Data lake replication to the recovery Region lags more than 300 s");
        assertThat(template(dev.operations()).findResources("AWS::CloudWatch::Alarm").values().toString())
                .doesNotContain("ReplicationLatency");
    }

    @Test
    void api_shouldHaveClientErrorServerErrorAndLatencyAlarmsAndWidgets_whenSynthesized() {
        String alarms = template(dev.operations()).findResources("AWS::CloudWatch::Alarm").values().toString();
        assertThat(alarms).contains("Partner API: more than 5 % of requests are refused (4xx)",
                "Partner API answers server errors (5xx)", "Partner API p99 latency above 1000 ms");
        String dashboard = template(dev.operations()).findResources("AWS::CloudWatch::Dashboard").values().toString();
        assertThat(dashboard).contains("API requests, 4xx and 5xx", "API latency p99");
    }
}
