package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkStackTest {

    private final Template dev = PlatformFixture.template(PlatformFixture.dev().network());
    private final Template prod = PlatformFixture.template(PlatformFixture.prod().network());

    @Test
    void vpc_shouldUseTheSeedsCidr_whenSynthesized() {
        dev.hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.0.0.0/16"));
    }

    @Test
    void subnets_shouldHaveTheSeedsSixCidrsInAz1aAnd1c_whenSynthesized() {
        Map<String, Map<String, Object>> subnets = dev.findResources("AWS::EC2::Subnet");
        List<String> placed = subnets.values().stream()
                .map(subnet -> (Map<?, ?>) subnet.get("Properties"))
                .map(p -> p.get("CidrBlock") + "@" + p.get("AvailabilityZone"))
                .sorted()
                .toList();
        assertThat(placed).containsExactly(
                "10.0.0.0/24@ap-northeast-1a", "10.0.1.0/24@ap-northeast-1c",
                "10.0.10.0/24@ap-northeast-1a", "10.0.11.0/24@ap-northeast-1c",
                "10.0.20.0/24@ap-northeast-1a", "10.0.21.0/24@ap-northeast-1c");
    }

    @Test
    void dataSubnets_shouldHaveNoRouteToTheInternet_whenSynthesized() {
        Map<String, Map<String, Object>> routes = dev.findResources("AWS::EC2::Route");
        assertThat(routes.keySet()).noneMatch(logicalId -> logicalId.contains("Data"));
    }

    @Test
    void natGateways_shouldBeOnePerAzInProdAndOneInDev_whenSynthesized() {
        prod.resourceCountIs("AWS::EC2::NatGateway", 2);
        dev.resourceCountIs("AWS::EC2::NatGateway", 1);
    }

    @Test
    void gatewayEndpoints_shouldServeDynamoDbAndS3_whenSynthesized() {
        List<String> gateways = dev.findResources("AWS::EC2::VPCEndpoint",
                        Map.of("Properties", Map.of("VpcEndpointType", "Gateway"))).values().stream()
                .map(endpoint -> ((Map<?, ?>) endpoint.get("Properties")).get("ServiceName").toString())
                .toList();
        assertThat(gateways).hasSize(2)
                .anyMatch(name -> name.contains(".dynamodb")).anyMatch(name -> name.contains(".s3"));
    }

    @Test
    void interfaceEndpoints_shouldServeTheApisTheStepsCall_whenSynthesized() {
        for (String service : List.of("sqs", "events", "states", "kms", "logs", "sts", "lambda")) {
            dev.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                    "VpcEndpointType", "Interface",
                    "PrivateDnsEnabled", true,
                    "ServiceName", "com.amazonaws.ap-northeast-1." + service)));
        }
    }

    @Test
    void flowLogs_shouldRecordAllTraffic_whenSynthesized() {
        dev.hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "ALL", "ResourceType", "VPC"));
    }
}
