package io.nagare.infra.compute;

import java.util.List;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The seed's ECS Fargate layer for long-running and batch work (section 2.2): an ECR repository (scanned on push,
 * immutable tags, encrypted), a cluster with Container Insights, and a worker service spread over both AZs of the
 * application subnets, scaling on CPU, rolled back automatically when a deployment fails. The image tag is a stack
 * parameter, so a release pushes an image and deploys with its tag.
 *
 * <p>No load balancer: the seed draws CloudFront → WAF → ALB → Fargate for containers that serve requests, but these
 * workers serve none; they take their work from queues and schedules. An ALB would be an entry point with nothing
 * behind it, and its health checks would fail a worker image that listens on no port (rolling the deployment back).
 * Every request the platform serves goes through CloudFront to the HTTP API. A container that serves HTTP gets an
 * internal ALB in the application subnets, reached by CloudFront through a VPC origin (no public listener at all).
 */
public final class BatchWorkers extends Construct {

    static final int MAX_TASKS = 10;

    private final FargateService service;
    private final Cluster cluster;

    public BatchWorkers(Construct scope, String id, PlatformEnvironment environment, IVpc vpc,
                        ISecurityGroup securityGroup, IKey logsKey, IKey dataKey) {
        super(scope, id);
        Repository repository = Repository.Builder.create(this, "Images")
                .imageScanOnPush(true)
                .imageTagMutability(TagMutability.IMMUTABLE)
                .encryption(RepositoryEncryption.KMS)
                .encryptionKey(dataKey)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        CfnParameter imageTag = CfnParameter.Builder.create(this, "WorkerImageTag")
                .type("String")
                .description("Tag of the batch worker image in the Images repository")
                .defaultValue("initial")
                .build();
        cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENHANCED)
                .build();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(1024)
                .memoryLimitMiB(2048)
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.ARM64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(environment.logRetention())
                .encryptionKey(logsKey)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        task.addContainer("Worker", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(repository, imageTag.getValueAsString()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("worker").build()))
                .readonlyRootFilesystem(true)
                .build());
        service = FargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(environment.fargateTasks())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(securityGroup))
                .assignPublicIp(false)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .minHealthyPercent(100)
                .build();
        service.autoScaleTaskCount(software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps
                        .builder().minCapacity(environment.fargateTasks()).maxCapacity(MAX_TASKS).build())
                .scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder().targetUtilizationPercent(60)
                        .scaleInCooldown(Duration.minutes(5)).scaleOutCooldown(Duration.minutes(1)).build());
        NagAcknowledgement.of(task, "The execution role's policy is CDK's grant to pull this repository's images "
                        + "and write this log group; it lives and dies with the role.",
                "PCI.DSS.321-IAMNoInlinePolicy", "NIST.800.53.R5-IAMNoInlinePolicy");
        NagAcknowledgement.limited(task, "ecr:GetAuthorizationToken has no resource-level permission: it is "
                + "granted on '*' by AWS's design.", "AwsSolutions-IAM5", "Resource::*");
    }

    public Cluster cluster() {
        return cluster;
    }

    public FargateService service() {
        return service;
    }
}
