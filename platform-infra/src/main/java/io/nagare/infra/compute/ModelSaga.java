package io.nagare.infra.compute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.ResourceNames;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.SagaDeclaration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * One saga of the model as a Step Functions state machine: the ASL file with its {@code ${placeholders}} substituted
 * by the identifiers of what they name (the same file and substitutions the local runtime uses), every execution
 * logged at level ALL with its data, X-Ray tracing on. Its role may use exactly what the substitutions name.
 *
 * <p>The definition is read from the classpath and inlined ({@code DefinitionBody.fromString}) rather than read with
 * {@code fromFile}: the file usually sits inside a saga module's jar, and an inline definition shows in the template.
 */
public final class ModelSaga extends Construct {

    private final StateMachine stateMachine;

    public ModelSaga(Construct scope, String id, SagaDeclaration declaration, ResourceNames names,
                     ModelResources resources, Map<String, IFunction> functions, IKey logsKey) {
        super(scope, id);
        String name = names.saga(declaration.name());
        LogGroup logGroup = LogGroup.Builder.create(this, "Logs")
                // Step Functions logs to groups under /aws/vendedlogs/ without growing a resource policy per machine.
                .logGroupName("/aws/vendedlogs/states/" + name)
                .retention(names.environment().logRetention())
                .encryptionKey(logsKey)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Map<String, String> substitutions = new TreeMap<>();
        declaration.substitutions().forEach((placeholder, reference) ->
                substitutions.put(placeholder, value(reference, names, resources, functions)));
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(name)
                .stateMachineType(declaration.type() == SagaDeclaration.Type.EXPRESS
                        ? StateMachineType.EXPRESS : StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(definition(declaration)))
                .definitionSubstitutions(substitutions)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logGroup).level(LogLevel.ALL).includeExecutionData(true)
                        .build())
                .build();
        grantSubstitutions(declaration, resources, functions);
        NagAcknowledgement.of(stateMachine, "The role's policy holds exactly the grants derived from the saga's "
                        + "substitutions; it lives and dies with the role.",
                "PCI.DSS.321-IAMNoInlinePolicy", "NIST.800.53.R5-IAMNoInlinePolicy");
        NagAcknowledgement.matching(stateMachine, ModelFunction.GRANT_WILDCARDS + " Step Functions log delivery "
                + "also needs '*': CloudWatch Logs has no resource-level permission for it.", "AwsSolutions-IAM5",
                ModelFunction.GRANT_WILDCARD_PATTERNS);
    }

    private String value(Reference reference, ResourceNames names, ModelResources resources,
                         Map<String, IFunction> functions) {
        return switch (reference.kind()) {
            case FUNCTION -> functions.get(reference.name()).getFunctionArn();
            case TABLE -> resources.table(reference.name()).getTableName();
            case QUEUE -> resources.queue(reference.name()).getQueueUrl();
            case BUS -> resources.bus(reference.name()).getEventBusName();
            case SAGA -> names.sagaArn(software.amazon.awscdk.Stack.of(this), reference.name());
        };
    }

    private void grantSubstitutions(SagaDeclaration declaration, ModelResources resources,
                                    Map<String, IFunction> functions) {
        for (Reference reference : declaration.substitutions().values()) {
            switch (reference.kind()) {
                case FUNCTION -> functions.get(reference.name()).grantInvoke(stateMachine);
                case QUEUE -> resources.queue(reference.name()).grantSendMessages(stateMachine);
                case BUS -> resources.bus(reference.name()).grantPutEventsTo(stateMachine);
                case SAGA -> resources.saga(this, reference.name()).grantStartExecution(stateMachine);
                case TABLE -> grantTable(resources.table(reference.name()),
                        declaration.tables().get(reference.name()));
            }
        }
    }

    private void grantTable(ITableV2 table, io.nagare.platform.model.TableAccess access) {
        switch (access) {
            case READ -> table.grantReadData(stateMachine);
            case WRITE -> table.grantWriteData(stateMachine);
            case READ_WRITE -> table.grantReadWriteData(stateMachine);
        }
    }

    private static String definition(SagaDeclaration declaration) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(declaration.definition())) {
            if (in == null) {
                throw new IllegalStateException("saga '" + declaration.name() + "': definition "
                        + declaration.definition() + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("saga '" + declaration.name() + "': cannot read "
                    + declaration.definition(), e);
        }
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }
}
