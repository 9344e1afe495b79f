package io.nagare.infra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.ResourceNames;
import io.nagare.infra.compliance.CompliancePacks;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.FunctionDeclaration.AsyncDestination;
import io.nagare.platform.model.FunctionDeclaration.StartingPosition;
import io.nagare.platform.model.FunctionDeclaration.StreamSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.IConstruct;

/** One function on its own stack: its asynchronous invocation config and its DynamoDB stream sources. */
class ModelFunctionTest {

    @Test
    void modelFunction_shouldDeclareTheAliasesEventInvokeConfigWithTheDestinationsAndGrantThem_whenTheyAreDeclared() {
        Stack stack = stack(f -> f.asyncRetryAttempts(1).maximumEventAgeSeconds(3600)
                .onSuccess(AsyncDestination.bus("nagare")).onFailure(AsyncDestination.queue("charge-failures")));
        Template template = Template.fromStack(stack);

        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", logicalId(stack, modelFunction(stack).function())),
                "Qualifier", aliasQualifier(stack),
                "MaximumRetryAttempts", 1,
                "MaximumEventAgeInSeconds", 3600,
                "DestinationConfig", Map.of(
                        "OnSuccess", Map.of("Destination", Map.of("Fn::GetAtt", List.of(
                                Match.stringLikeRegexp("Nagare.*"), "Arn"))),
                        "OnFailure", Map.of("Destination", Map.of("Fn::GetAtt", List.of(
                                Match.stringLikeRegexp("ChargeFailures.*"), "Arn"))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "events:PutEvents",
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Nagare.*"), "Arn")))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", Match.arrayWith(List.of("sqs:SendMessage")),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ChargeFailures.*"),
                                "Arn")))))))));
    }

    @Test
    void modelFunction_shouldLeaveTheEventAgeAndDestinationsOut_whenLambdasDefaultsAreDeclared() {
        Stack stack = stack(UnaryOperator.identity());
        Template template = Template.fromStack(stack);

        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "Qualifier", aliasQualifier(stack),
                "MaximumRetryAttempts", 2,
                "MaximumEventAgeInSeconds", Match.absent(),
                "DestinationConfig", Match.absent()));
    }

    @Test
    void modelFunction_shouldMapTheTablesStreamOnTheAlias_whenTheFunctionConsumesIt() {
        Template template = Template.fromStack(stack(f -> f.consumesStream(StreamSource.of("orders")
                .withBatchSize(50).withStartingPosition(StartingPosition.LATEST).withBisectBatchOnError(true)
                .withMaximumRetryAttempts(3).withOnFailureQueue("charge-failures"))));

        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Orders.*"), "StreamArn")),
                "BatchSize", 50,
                "StartingPosition", "LATEST",
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 3,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Map.of("Fn::GetAtt", List.of(
                        Match.stringLikeRegexp("ChargeFailures.*"), "Arn"))))));
        assertThat(template.findResources("AWS::Lambda::EventSourceMapping").toString())
                .as("the mapping invokes the alias").contains(":" + ModelFunction.ALIAS);
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", Match.arrayWith(List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator")),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Orders.*"),
                                "StreamArn")))))))));
    }

    @Test
    void modelFunction_shouldLeaveTheRetryAttemptsToLambda_whenTheStreamSourceRetriesUntilRecordsExpire() {
        Template template = Template.fromStack(stack(f -> f.consumesStream(StreamSource.of("orders"))));

        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "StartingPosition", "TRIM_HORIZON",
                "BatchSize", 100,
                "MaximumRetryAttempts", Match.absent(),
                "DestinationConfig", Match.absent()));
    }

    @Test
    void modelFunction_shouldFailTheSynthNamingFunctionAndTable_whenTheTableHasNoStream() {
        assertThatThrownBy(() -> stack(f -> f.consumesStream(StreamSource.of("audit"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("function 'charge': consumesStream table 'audit', whose deployed table has no stream;"
                        + " declare the table with a stream view type (TableDeclaration.Builder.stream(...), e.g."
                        + " NEW_AND_OLD_IMAGES)");
    }

    @Test
    void modelFunction_shouldLeaveNoCdkNagErrorOnTheFunction_whenItHasDestinationsAndAStreamSource() {
        Stack stack = stack(f -> f.deadLetterQueue("charge-failures")
                .onSuccess(AsyncDestination.bus("nagare")).onFailure(AsyncDestination.queue("charge-failures"))
                .consumesStream(StreamSource.of("orders").withOnFailureQueue("charge-failures")));

        assertThat(nagErrorsOnTheFunction(stack)).isEmpty();
    }

    @Test
    void modelFunction_shouldLeaveNoCdkNagErrorOnTheFunction_whenItHasADeadLetterQueueButNoOnFailureDestination() {
        Stack stack = stack(f -> f.deadLetterQueue("charge-failures"));

        assertThat(nagErrorsOnTheFunction(stack)).isEmpty();
    }

    private static List<String> nagErrorsOnTheFunction(Stack stack) {
        CompliancePacks.apply(stack.getNode().getScope(), false);
        return ((App) stack.getNode().getScope()).synth().getStackByName(stack.getStackName())
                .getMessages().stream()
                .filter(message -> "ERROR".equals(message.getLevel().name()))
                .map(message -> message.getId() + " " + message.getEntry().getData())
                .filter(error -> error.startsWith("/Compute/Function/"))
                .toList();
    }

    private static ModelFunction modelFunction(Stack stack) {
        return (ModelFunction) stack.getNode().findChild("Function");
    }

    private static String logicalId(Stack stack, IConstruct resource) {
        return stack.getLogicalId((CfnElement) resource.getNode().getDefaultChild());
    }

    /** The alias's name as CDK takes it from the alias's ARN, so the config depends on the alias existing. */
    private static Map<String, Object> aliasQualifier(Stack stack) {
        return Map.of("Fn::Select", List.of(7, Map.of("Fn::Split", List.of(":",
                Map.of("Ref", logicalId(stack, modelFunction(stack).alias()))))));
    }

    private static Stack stack(UnaryOperator<FunctionDeclaration.Builder> configure) {
        Stack stack = new Stack(new App(), "Compute");
        ResourceNames names = new ResourceNames(PlatformEnvironment.DEV);
        ITableV2 orders = TableV2.Builder.create(stack, "Orders")
                .partitionKey(Attribute.builder().name("orderId").type(AttributeType.STRING).build())
                .dynamoStream(StreamViewType.NEW_AND_OLD_IMAGES).build();
        ITableV2 audit = TableV2.Builder.create(stack, "Audit")
                .partitionKey(Attribute.builder().name("entryId").type(AttributeType.STRING).build()).build();
        ModelResources resources = new ModelResources(Map.of("orders", orders, "audit", audit),
                Map.of("charge-failures", new Queue(stack, "ChargeFailures")),
                Map.of("nagare", new EventBus(stack, "Nagare")), names);
        Vpc vpc = new Vpc(stack, "Vpc");
        FunctionDeclaration declaration = configure.apply(FunctionDeclaration.builder("charge").owner("payments")
                .handler("io.nagare.payments.ChargeHandler")).build();
        new ModelFunction(stack, "Function", new ModelFunctionProps(declaration,
                Code.fromBucket(Bucket.fromBucketName(stack, "Packages", "packages"), "payments.zip"), names,
                resources, vpc, new SecurityGroup(stack, "Application", software.amazon.awscdk.services.ec2
                        .SecurityGroupProps.builder().vpc(vpc).build()), new Key(stack, "Logs")));
        return stack;
    }
}
