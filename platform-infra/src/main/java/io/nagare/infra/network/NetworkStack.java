package io.nagare.infra.network;

import java.util.List;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.FlowLog;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The seed's network (section 3.1): one VPC over AZs 1a and 1c with public, application and (isolated) data subnets
 * at the seed's addresses, NAT for the application subnets, VPC endpoints so AWS API calls stay on the AWS network,
 * and flow logs of all traffic.
 */
public final class NetworkStack extends Stack {

    /** The seed's AZs, named so synth never looks them up. */
    public static final List<String> AVAILABILITY_ZONES = List.of("ap-northeast-1a", "ap-northeast-1c");

    /** The services Lambda, Fargate and Step Functions reach through interface endpoints. */
    static final List<InterfaceVpcEndpointAwsService> INTERFACE_ENDPOINTS = List.of(
            InterfaceVpcEndpointAwsService.SQS,
            InterfaceVpcEndpointAwsService.EVENTBRIDGE,
            InterfaceVpcEndpointAwsService.STEP_FUNCTIONS,
            InterfaceVpcEndpointAwsService.LAMBDA,
            InterfaceVpcEndpointAwsService.KMS,
            InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
            InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
            InterfaceVpcEndpointAwsService.STS,
            InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
            InterfaceVpcEndpointAwsService.XRAY,
            InterfaceVpcEndpointAwsService.ECR,
            InterfaceVpcEndpointAwsService.ECR_DOCKER);

    private final Vpc vpc;
    private final SecurityGroup applicationSecurityGroup;

    public NetworkStack(Construct scope, String id, StackProps props, PlatformEnvironment environment, IKey logsKey) {
        super(scope, id, props);
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(new SeedSubnetPlan(AVAILABILITY_ZONES))
                .availabilityZones(AVAILABILITY_ZONES)
                .natGateways(environment.natGateways())
                .restrictDefaultSecurityGroup(true)
                .subnetConfiguration(List.of(
                        subnet(SeedSubnetPlan.PUBLIC, SubnetType.PUBLIC),
                        subnet(SeedSubnetPlan.APPLICATION, SubnetType.PRIVATE_WITH_EGRESS),
                        subnet(SeedSubnetPlan.DATA, SubnetType.PRIVATE_ISOLATED)))
                .build();

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(environment.logRetention())
                .encryptionKey(logsKey)
                .removalPolicy(environment.dataRemovalPolicy())
                .build();
        FlowLog flowLog = vpc.addFlowLog("AllTraffic", FlowLogOptions.builder()
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                .trafficType(FlowLogTrafficType.ALL)
                .build());
        NagAcknowledgement.of(flowLog, "The flow log role's policy is CDK's grant of write access to this one log "
                        + "group; it lives and dies with the role, a managed policy would only add a shareable copy.",
                "PCI.DSS.321-IAMNoInlinePolicy", "NIST.800.53.R5-IAMNoInlinePolicy");
        for (ISubnet subnet : vpc.getPublicSubnets()) {
            NagAcknowledgement.of(subnet.getNode().findChild("DefaultRoute"), "The public subnets hold only the NAT "
                            + "gateways, whose route to the internet gateway is what gives the application subnets "
                            + "egress; no workload runs in them and nothing in them has a public address of its own.",
                    "PCI.DSS.321-VPCNoUnrestrictedRouteToIGW", "NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW");
        }

        // One group for everything that runs in the application subnets (functions, Fargate tasks): the data
        // stores admit it, and nothing else.
        applicationSecurityGroup = SecurityGroup.Builder.create(this, "Application")
                .vpc(vpc)
                .description("Nagare application tier: Lambda functions and Fargate tasks")
                .allowAllOutbound(true)
                .build();

        // Gateway endpoints: DynamoDB and S3 traffic never leaves AWS and costs no NAT data processing.
        List<SubnetSelection> routed = List.of(
                SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(),
                SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build());
        vpc.addGatewayEndpoint("DynamoDb", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.DYNAMODB).subnets(routed).build());
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).subnets(routed).build());
        for (InterfaceVpcEndpointAwsService service : INTERFACE_ENDPOINTS) {
            vpc.addInterfaceEndpoint(endpointId(service), InterfaceVpcEndpointOptions.builder()
                    .service(service)
                    .privateDnsEnabled(true)
                    .subnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                    .build());
        }
    }

    public IVpc vpc() {
        return vpc;
    }

    public ISecurityGroup applicationSecurityGroup() {
        return applicationSecurityGroup;
    }

    private static SubnetConfiguration subnet(String name, SubnetType type) {
        SubnetConfiguration.Builder subnet = SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(24);
        if (type == SubnetType.PUBLIC) {
            // Only the NAT gateways live there, with Elastic IPs of their own; nothing else gets a public address.
            subnet.mapPublicIpOnLaunch(false);
        }
        return subnet.build();
    }

    /** {@code com.amazonaws.ap-northeast-1.ecr.dkr} becomes {@code EcrDkr}. */
    private static String endpointId(InterfaceVpcEndpointAwsService service) {
        StringBuilder id = new StringBuilder();
        String shortName = service.getShortName();
        for (String part : shortName.split("[.-]")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
