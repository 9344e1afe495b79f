package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nagare.infra.compliance.CompliancePacks;
import io.nagare.infra.delivery.DeliveryPipelineStack;
import io.nagare.infra.delivery.PipelineSource;
import io.nagare.infra.testmodel.TestPackages;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DeliveryPipelineTest {

    static final String CONNECTION =
            "arn:aws:codeconnections:ap-northeast-1:123456789012:connection/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private static DeliveryPipelineStack pipeline;

    static synchronized DeliveryPipelineStack pipeline() {
        if (pipeline == null) {
            App app = new App();
            PipelineSource source = new PipelineSource(CONNECTION, "nagare-io/nagare", "main");
            pipeline = new DeliveryPipelineStack(app, "Nagare-Pipeline", StackProps.builder()
                    .env(Environment.builder().account(source.account()).region("ap-northeast-1").build()).build(),
                    source, Map.of("nagare:connectionArn", CONNECTION),
                    env -> new PlatformInputs(env, PlatformFixture.model(), PlatformFixture.registry(),
                            new TestPackages(), PlatformInputs.DEFAULT_ALLOWED_COUNTRIES));
            CompliancePacks.apply(app, false);
        }
        return pipeline;
    }

    @Test
    void pipeline_shouldDeployDevStagingThenProdAfterApproval_whenSynthesized() {
        Template template = PlatformFixture.template(pipeline());
        Map<String, Map<String, Object>> pipelines = template.findResources("AWS::CodePipeline::Pipeline");
        assertThat(pipelines).hasSize(1);
        String stages = pipelines.values().iterator().next().toString();
        assertThat(stages).containsSubsequence("Name=Source", "Name=Build", "Name=UpdatePipeline", "Name=Dev",
                "Name=Staging", "Name=Prod");
        template.hasResourceProperties("AWS::CodePipeline::Pipeline", Match.objectLike(Map.of(
                "Stages", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", "Prod",
                        "Actions", Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "Name", DeliveryPipelineStack.PROD_APPROVAL,
                                "ActionTypeId", Match.objectLike(Map.of("Category", "Approval")),
                                "RunOrder", 1)))))))))));
    }

    @Test
    void pipeline_shouldTakeTheRepositoryFromTheConnection_whenSynthesized() {
        PlatformFixture.template(pipeline()).hasResourceProperties("AWS::CodePipeline::Pipeline",
                Match.objectLike(Map.of("Stages", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", "Source",
                        "Actions", List.of(Match.objectLike(Map.of(
                                "ActionTypeId", Match.objectLike(Map.of("Provider", "CodeStarSourceConnection")),
                                "Configuration", Match.objectLike(Map.of("ConnectionArn", CONNECTION,
                                        "FullRepositoryId", "nagare-io/nagare", "BranchName", "main"))))))))))));
    }

    @Test
    void stages_shouldHoldEveryStackOfTheirEnvironment_whenSynthesized() {
        for (PlatformEnvironment environment : PlatformEnvironment.values()) {
            assertThat(pipeline().stage(environment).platform().stacks())
                    .hasSize(PlatformFixture.platform(environment).stacks().size())
                    .allSatisfy(stack -> assertThat(stack.getAccount()).isEqualTo("123456789012"));
        }
    }

    /** The pipeline stack and the cross-Region support stacks CodePipeline adds (the stages have their own test). */
    @Test
    void pipelineStacks_shouldHaveNoUnacknowledgedErrors_whenCheckedByEveryPack() {
        List<Stack> stacks = pipeline().getNode().getScope().getNode().getChildren().stream()
                .filter(Stack.class::isInstance).map(Stack.class::cast).toList();
        assertThat(stacks).extracting(Stack::getStackName).contains("Nagare-Pipeline");
        for (Stack stack : stacks) {
            assertThat(PlatformFixture.errors(stack)).as(stack.getStackName()).isEmpty();
        }
    }

    @Test
    void source_shouldBeRefused_whenTheConnectionArnIsNotOne() {
        assertThatThrownBy(() -> new PipelineSource("arn:aws:s3:::bucket", "a/b", "main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'arn:aws:s3:::bucket' is not a CodeConnections connection ARN");
        assertThat(new PipelineSource(CONNECTION, "a/b", "main").account()).isEqualTo("123456789012");
    }
}
