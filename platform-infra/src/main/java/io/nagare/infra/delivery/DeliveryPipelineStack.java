package io.nagare.infra.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.PlatformInputs;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.infra.data.AccessLogBucket;
import io.nagare.infra.data.SecureBucket;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.codebuild.PipelineProject;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodeBuildOptions;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.ManualApprovalStep;
import software.amazon.awscdk.pipelines.ShellStep;
import software.amazon.awscdk.pipelines.Step;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The seed's delivery (section 6.3): a CDK Pipelines pipeline that updates itself (self-mutation) and then deploys the
 * platform to dev, staging and prod in that order, with a manual approval before prod. The synth step builds the
 * repository and runs the same app with the same context, so the pipeline it synthesizes is this one.
 */
public final class DeliveryPipelineStack extends Stack {

    /** The approval that gates prod. */
    public static final String PROD_APPROVAL = "PromoteToProd";

    static final String[] PIPELINE_WILDCARDS = {
            "/^Action::s3:(Abort|DeleteObject|GetBucket|GetObject|List)\\*$/g",
            "/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g",
            "/^Resource::<ArtifactsBucket[0-9A-F]+\\.Arn>\\/\\*$/g",
            "/^Resource::arn:<AWS::Partition>:s3:::nagare-pipeline-support-[a-z0-9]+\\/\\*$/g",
            "/^Resource::arn:<AWS::Partition>:codebuild:ap-northeast-1:[0-9]{12}:report-group\\/.*$/g",
            "/^Resource::arn:<AWS::Partition>:logs:ap-northeast-1:[0-9]{12}:log-group:\\/aws\\/codebuild\\/.*$/g",
            "/^Resource::arn:\\*:iam::[0-9]{12}:role\\/\\*$/g",
            "/^Resource::\\*$/g"};

    private final CodePipeline pipeline;
    private final Map<PlatformEnvironment, PlatformStage> stages = new TreeMap<>();

    /**
     * @param source  the repository and branch that deploy
     * @param context the {@code nagare:*} CDK context the synth step passes on ({@code -c key=value})
     * @param inputs  what each environment is built from
     */
    public DeliveryPipelineStack(Construct scope, String id, StackProps props, PipelineSource source,
                                 Map<String, String> context,
                                 Function<PlatformEnvironment, PlatformInputs> inputs) {
        super(scope, id, props);
        StringBuilder synth = new StringBuilder("./nagare synth --out cdk.out");
        new TreeMap<>(context).forEach((key, value) -> synth.append(" -c ").append(key).append('=').append(value));
        Key artifactsKey = Key.Builder.create(this, "ArtifactsKey")
                .description("Nagare pipeline artifacts: templates and function packages")
                .enableKeyRotation(true)
                .rotationPeriod(Duration.days(365))
                .build();
        AccessLogBucket accessLogs = new AccessLogBucket(this, "AccessLogs");
        SecureBucket artifacts = new SecureBucket(this, "Artifacts", artifactsKey, accessLogs.bucket(),
                RemovalPolicy.RETAIN);
        NagAcknowledgement.of(artifacts.bucket(), "Pipeline artifacts are rebuilt from the repository by any run; "
                        + "they need no copy in another Region.",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "PCI.DSS.321-S3BucketReplicationEnabled");
        pipeline = CodePipeline.Builder.create(this, "Pipeline")
                .pipelineName("nagare")
                .selfMutation(true)
                .artifactBucket(artifacts.bucket())
                .codeBuildDefaults(CodeBuildOptions.builder()
                        .buildEnvironment(BuildEnvironment.builder()
                                .buildImage(LinuxBuildImage.STANDARD_7_0)
                                .computeType(ComputeType.MEDIUM)
                                .build())
                        .build())
                .synth(ShellStep.Builder.create("Synth")
                        .input(CodePipelineSource.connection(source.repository(), source.branch(),
                                ConnectionSourceOptions.builder().connectionArn(source.connectionArn()).build()))
                        // ./nagare builds the reactor (packages included) before it synthesizes.
                        .commands(List.of(synth.toString()))
                        .primaryOutputDirectory("cdk.out")
                        .build())
                .build();
        for (PlatformEnvironment environment : PlatformEnvironment.values()) {
            PlatformStage stage = new PlatformStage(this, environment.title(), StageProps.builder()
                    .env(Environment.builder().account(source.account()).region(PlatformEnvironment.REGION).build())
                    .build(), inputs.apply(environment));
            List<Step> before = new ArrayList<>();
            if (environment == PlatformEnvironment.PROD) {
                before.add(ManualApprovalStep.Builder.create(PROD_APPROVAL)
                        .comment("Staging is deployed and checked: deploy this revision to prod?")
                        .build());
            }
            pipeline.addStage(stage, AddStageOpts.builder().pre(before).build());
            stages.put(environment, stage);
        }
        // Built now rather than at synth, so its roles and projects can be acknowledged one by one.
        pipeline.buildPipeline();
        acknowledgeGeneratedResources();
    }

    /**
     * CDK Pipelines writes the roles and CodeBuild projects of its actions itself; each is acknowledged for what it
     * is. The wildcards are CDK's grants on this pipeline's own artifact bucket and key, its CodeBuild log groups and
     * report groups, the cross-Region replication buckets, and (self-mutation, asset publishing) the CDK bootstrap
     * roles it assumes, limited by CDK to roles tagged as bootstrap roles.
     */
    private void acknowledgeGeneratedResources() {
        for (IConstruct child : getNode().getScope().getNode().getChildren()) {
            IConstruct bucket = child.getNode().getId().startsWith("cross-region-stack-")
                    ? child.getNode().tryFindChild("Default") : null;
            bucket = bucket == null ? null : bucket.getNode().tryFindChild("CrossRegionCodePipelineReplicationBucket");
            if (bucket != null) {
                NagAcknowledgement.of(bucket, "CodePipeline's staging bucket for the actions in this Region (the "
                                + "edge firewall, the recovery Region): it only holds transient, KMS-encrypted copies "
                                + "of the versioned and logged artifact bucket's objects.",
                        "AwsSolutions-S1", "NIST.800.53.R5-S3BucketLoggingEnabled",
                        "PCI.DSS.321-S3BucketLoggingEnabled", "NIST.800.53.R5-S3BucketReplicationEnabled",
                        "PCI.DSS.321-S3BucketReplicationEnabled", "NIST.800.53.R5-S3BucketVersioningEnabled",
                        "PCI.DSS.321-S3BucketVersioningEnabled");
            }
        }
        for (IConstruct construct : getNode().findAll()) {
            if (construct instanceof Role role && role.getNode().getPath().contains("/Pipeline/")) {
                NagAcknowledgement.of(role, "The role's policy is what CDK Pipelines grants this one action; it "
                                + "lives and dies with the role.",
                        "PCI.DSS.321-IAMNoInlinePolicy", "NIST.800.53.R5-IAMNoInlinePolicy");
                NagAcknowledgement.matching(role, "CDK Pipelines' grants for this action: object and bucket "
                                + "action families on the pipeline's artifact and replication buckets, data-key "
                                + "families on their keys, its own CodeBuild log and report groups, and the CDK "
                                + "bootstrap roles (self-mutation and asset publishing assume them; '*' only with "
                                + "the bootstrap-role tag condition, and cloudformation:DescribeStacks, which has "
                                + "no narrower resource for a stack that may not exist yet).",
                        "AwsSolutions-IAM5", PIPELINE_WILDCARDS);
            }
            if (construct instanceof PipelineProject project) {
                NagAcknowledgement.of(project, "The project's source is the pipeline artifact (CODEPIPELINE), not a "
                        + "repository URL: the connection holds the repository credentials.",
                        "PCI.DSS.321-CodeBuildProjectSourceRepoUrl");
            }
        }
    }

    public CodePipeline pipeline() {
        return pipeline;
    }

    public PlatformStage stage(PlatformEnvironment environment) {
        return stages.get(environment);
    }
}
