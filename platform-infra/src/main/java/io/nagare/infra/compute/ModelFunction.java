package io.nagare.infra.compute;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.FunctionDeclaration.AsyncDestination;
import io.nagare.platform.model.FunctionDeclaration.QueueSource;
import io.nagare.platform.model.FunctionDeclaration.StreamSource;
import io.nagare.platform.model.FunctionDeclaration.SagaAccess;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableAccess;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.CfnGlobalTable;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IDestination;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.destinations.EventBridgeDestination;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * One function of the model: Java 21 on arm64 with SnapStart on its published version, invoked through the alias
 * {@code live} (SnapStart only applies to versions); X-Ray active; in the application subnets; its own encrypted log
 * group; memory, timeout, concurrency and DLQ (function configuration) as declared. Asynchronous retries, maximum
 * event age and on-success / on-failure destinations (an {@code AWS::Lambda::EventInvokeConfig}, which Lambda keeps
 * per qualifier) are on the alias, which is what gets invoked; none is on {@code $LATEST}. SQS and DynamoDB stream
 * event source mappings are on the alias too. Its IAM policy is exactly what the declaration says it uses, each
 * through the resource's {@code grant*} method (the destinations' and stream sources' through CDK's own grants).
 */
public final class ModelFunction extends Construct {

    public static final String ALIAS = "live";

    /** Lambda's own maximum event age; left out of the template when declared, as it changes nothing. */
    private static final int LAMBDA_MAXIMUM_EVENT_AGE_SECONDS = 21_600;

    /** Why the wildcards CDK's grant methods write for a declared use are acceptable. */
    static final String GRANT_WILDCARDS = "These come from CDK grant methods for the declared use only: a "
            + "declared table's indexes (index/*), KMS data-key actions on that resource's key, executions of a "
            + "declared saga, and X-Ray's PutTraceSegments, which has no resource-level permission.";
    static final String[] GRANT_WILDCARD_PATTERNS = {
            "/^Resource::.*\\/index\\/\\*$/g",
            "/^Resource::arn:<AWS::Partition>:states:.*:execution:nagare-[a-z]+-[A-Za-z0-9_-]+:\\*$/g",
            "/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g",
            "/^Resource::\\*$/g"};

    private final Function function;
    private final Alias alias;

    public ModelFunction(Construct scope, String id, ModelFunctionProps props) {
        super(scope, id);
        FunctionDeclaration declaration = props.declaration();
        String name = props.names().function(declaration.name());
        LogGroup logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + name)
                .retention(props.names().environment().logRetention())
                .encryptionKey(props.logsKey())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(name)
                .description(declaration.owner() + ": " + declaration.handler())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(declaration.handler())
                .code(props.code())
                .memorySize(declaration.memoryMb())
                .timeout(Duration.seconds(declaration.timeoutSeconds()))
                .environment(environment(declaration, props))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .loggingFormat(LoggingFormat.JSON)
                .logGroup(logGroup)
                .vpc(props.vpc())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(props.securityGroup()));
        if (declaration.reservedConcurrency() != null) {
            builder.reservedConcurrentExecutions(declaration.reservedConcurrency());
        }
        if (declaration.deadLetterQueue() != null) {
            builder.deadLetterQueue(props.resources().queue(declaration.deadLetterQueue()));
        }
        function = builder.build();
        alias = asyncInvokeConfig(declaration, props.resources(), Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS).version(function.getCurrentVersion())).build();
        grantDeclaredUse(declaration, props.resources());
        acknowledge(declaration);
    }

    /**
     * Retries, maximum event age and destinations on the alias: Lambda keeps asynchronous invocation configuration per
     * qualifier, and rules, queues and sagas invoke {@code live}, so one on {@code $LATEST} (what the function's own
     * props create) would not apply to them. CDK binds the destinations to the function, granting its role.
     */
    private static Alias.Builder asyncInvokeConfig(FunctionDeclaration declaration, ModelResources resources,
                                                   Alias.Builder alias) {
        alias.retryAttempts(declaration.asyncRetryAttempts());
        if (declaration.maximumEventAgeSeconds() != LAMBDA_MAXIMUM_EVENT_AGE_SECONDS) {
            alias.maxEventAge(Duration.seconds(declaration.maximumEventAgeSeconds()));
        }
        if (declaration.onSuccess() != null) {
            alias.onSuccess(destination(declaration, "onSuccess", declaration.onSuccess(), resources));
        }
        if (declaration.onFailure() != null) {
            alias.onFailure(destination(declaration, "onFailure", declaration.onFailure(), resources));
        }
        return alias;
    }

    /** The function's own environment plus one {@code NAGARE_<KIND>_<NAME>} variable per resource it uses. */
    private Map<String, String> environment(FunctionDeclaration declaration, ModelFunctionProps props) {
        Map<String, String> environment = new TreeMap<>(declaration.environment());
        environment.put("NAGARE_ENVIRONMENT", props.names().environment().id());
        declaration.resourceVariables().forEach((variable, reference) ->
                environment.put(variable, value(reference, props.resources())));
        return environment;
    }

    private String value(Reference reference, ModelResources resources) {
        return switch (reference.kind()) {
            case TABLE -> resources.table(reference.name()).getTableName();
            case QUEUE -> resources.queue(reference.name()).getQueueUrl();
            case BUS -> resources.bus(reference.name()).getEventBusName();
            case SAGA -> resources.names().sagaArn(Stack.of(this), reference.name());
            case FUNCTION -> throw new IllegalStateException("not supported: a function using function "
                    + reference.name() + " through its environment");
        };
    }

    private void grantDeclaredUse(FunctionDeclaration declaration, ModelResources resources) {
        declaration.tables().forEach((table, access) -> grantTable(resources.table(table), access));
        declaration.publishes().keySet().forEach(bus -> resources.bus(bus).grantPutEventsTo(function));
        declaration.sendsTo().forEach(queue -> resources.queue(queue).grantSendMessages(function));
        for (QueueSource source : declaration.queueSources()) {
            alias.addEventSource(SqsEventSource.Builder.create(resources.queue(source.queue()))
                    .batchSize(source.batchSize())
                    .maxBatchingWindow(source.maxBatchingWindowSeconds() > 0
                            ? Duration.seconds(source.maxBatchingWindowSeconds()) : null)
                    .reportBatchItemFailures(source.reportBatchItemFailures())
                    .build());
        }
        for (StreamSource source : declaration.streamSources()) {
            alias.addEventSource(streamSource(declaration, source, resources));
        }
        declaration.sagas().forEach((saga, accesses) -> {
            IStateMachine machine = resources.saga(this, saga);
            for (SagaAccess access : accesses) {
                switch (access) {
                    case START -> machine.grantStartExecution(function);
                    case CALLBACK -> machine.grantTaskResponse(function);
                    case READ -> machine.grantRead(function);
                }
            }
        });
    }

    /** A queue or bus destination; CDK grants the function SendMessage or PutEvents on it. */
    private static IDestination destination(FunctionDeclaration declaration, String field,
                                            AsyncDestination destination, ModelResources resources) {
        return switch (destination.kind()) {
            case QUEUE -> new SqsDestination(resources.queue(destination.name()));
            case BUS -> new EventBridgeDestination(resources.bus(destination.name()));
            case TOPIC, FUNCTION -> throw new IllegalStateException("function '" + declaration.name() + "': " + field
                    + " not supported: " + destination + " as an asynchronous invocation destination; is the model"
                    + " validated?");
        };
    }

    /** A DynamoDB stream event source mapping on the table's stream, which the model's table must declare. */
    private static DynamoEventSource streamSource(FunctionDeclaration declaration, StreamSource source,
                                                  ModelResources resources) {
        ITableV2 table = resources.table(source.table());
        if (!hasStream(table)) {
            throw new IllegalStateException("function '" + declaration.name() + "': consumesStream table '"
                    + source.table() + "', whose deployed table has no stream; declare the table with a stream view"
                    + " type (TableDeclaration.Builder.stream(...), e.g. NEW_AND_OLD_IMAGES)");
        }
        DynamoEventSource.Builder builder = DynamoEventSource.Builder.create(table)
                .startingPosition(StartingPosition.valueOf(source.startingPosition().name()))
                .batchSize(source.batchSize())
                .bisectBatchOnError(source.bisectBatchOnError())
                .reportBatchItemFailures(source.reportBatchItemFailures());
        if (source.maximumRetryAttempts() >= 0) {
            // -1 is Lambda's default (until the record expires), which CDK expresses by leaving it unset.
            builder.retryAttempts(source.maximumRetryAttempts());
        }
        if (source.onFailureQueue() != null) {
            builder.onFailure(new SqsDlq(resources.queue(source.onFailureQueue())));
        }
        return builder.build();
    }

    /**
     * Whether the deployed table has a stream. TableV2 always answers a stream ARN token, so for a table of this app
     * its global table's stream specification decides (a lazy value: resolved here); an imported table is taken at
     * its word.
     */
    private static boolean hasStream(ITableV2 table) {
        if (table.getNode().getDefaultChild() instanceof CfnGlobalTable global) {
            return Stack.of(table).resolve(global.getStreamSpecification()) != null;
        }
        return table.getTableStreamArn() != null;
    }

    private void grantTable(ITableV2 table, TableAccess access) {
        switch (access) {
            case READ -> table.grantReadData(function);
            case WRITE -> table.grantWriteData(function);
            case READ_WRITE -> table.grantReadWriteData(function);
        }
    }

    private void acknowledge(FunctionDeclaration declaration) {
        NagAcknowledgement.of(function, "The role's policy holds exactly the grants derived from this function's "
                        + "declared use; it lives and dies with the role, a managed policy would only add a copy.",
                "PCI.DSS.321-IAMNoInlinePolicy", "NIST.800.53.R5-IAMNoInlinePolicy");
        NagAcknowledgement.limited(function, "Lambda's managed policy for VPC access only lets the function "
                        + "create and delete its network interfaces, which has no narrower resource.",
                "AwsSolutions-IAM4",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
        NagAcknowledgement.matching(function, GRANT_WILDCARDS, "AwsSolutions-IAM5", GRANT_WILDCARD_PATTERNS);
        NagAcknowledgement.of(function, "The architecture pins Lambda's java21 runtime (arm64, SnapStart); the "
                        + "runtime moves with the platform's Java version, not per function.",
                "AwsSolutions-L1", "Serverless-LambdaLatestVersion");
        NagAcknowledgement.of(alias, "SQS event sources return failed messages to their queue, whose redrive "
                        + "policy moves them to its dead-letter queue; on-failure destinations do not apply to SQS."
                        + (declaration.streamSources().isEmpty() ? "" : " A DynamoDB stream source has the on-failure"
                        + " queue its declaration names; without one, the model retries a failed batch until its"
                        + " records expire, as declared."),
                "Serverless-LambdaEventSourceMappingDestination");
        if (declaration.onFailure() == null) {
            // The rule reads the EventInvokeConfig, which is the alias's.
            NagAcknowledgement.of(alias, "Failed asynchronous invocations go to the declared dead-letter queue "
                            + "(DeadLetterConfig), as they do locally; functions without one are never invoked "
                            + "asynchronously.",
                    "Serverless-LambdaAsyncFailureDestination");
        }
        if (declaration.reservedConcurrency() == null) {
            NagAcknowledgement.of(function, "The model leaves this function unreserved: it scales with the "
                    + "account's concurrency; reserving is a per-function capacity decision made in the model.",
                    "NIST.800.53.R5-LambdaConcurrency");
        }
        if (declaration.deadLetterQueue() == null) {
            NagAcknowledgement.of(function, "Nothing invokes this function asynchronously (no subscription targets "
                    + "it, the model checks that); its SQS sources keep failed messages in their own DLQs.",
                    "NIST.800.53.R5-LambdaDLQ", "Serverless-LambdaDLQ");
        }
    }

    public IFunction function() {
        return function;
    }

    /** The alias {@code live}: what rules, queues, sagas and routes invoke. */
    public Alias alias() {
        return alias;
    }
}
