package io.nagare.local.stepfunctions.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.internal.engine.Definitions;
import io.nagare.local.stepfunctions.internal.engine.ExecutionEngine;
import io.nagare.local.stepfunctions.internal.engine.MockConfig;
import io.nagare.local.stepfunctions.internal.engine.StateMachines;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/** The Step Functions operations this service answers, by name. */
public final class StepFunctionsApi {

    private final StateMachineOperations machines;
    private final ExecutionOperations executions;
    private final TaskTokenOperations tokens;
    private final TestStateOperation testState;

    public StepFunctionsApi(StepFunctionsStore store, StateMachines stateMachines, Definitions definitions,
                            ExecutionEngine engine, LocalClock clock, MockConfig mocks, String region, String accountId) {
        Arns arns = new Arns(region, accountId);
        this.machines = new StateMachineOperations(store, stateMachines, definitions, arns, clock);
        this.executions = new ExecutionOperations(engine, store, machines, arns, mocks);
        this.tokens = new TaskTokenOperations(engine, store);
        this.testState = new TestStateOperation(engine.integrations(), clock);
    }

    public JsonNode invoke(String operation, ObjectNode input) {
        return switch (operation) {
            case "CreateStateMachine" -> machines.create(input);
            case "UpdateStateMachine" -> machines.update(input);
            case "DescribeStateMachine" -> machines.describe(input);
            case "ListStateMachines" -> machines.list(input);
            case "DeleteStateMachine" -> machines.delete(input);
            case "ValidateStateMachineDefinition" -> machines.validate(input);
            case "StartExecution" -> executions.start(input);
            case "StartSyncExecution" -> executions.startSync(input);
            case "DescribeExecution" -> executions.describe(input);
            case "DescribeStateMachineForExecution" -> executions.describeStateMachineFor(input);
            case "ListExecutions" -> executions.list(input);
            case "GetExecutionHistory" -> executions.history(input);
            case "StopExecution" -> executions.stop(input);
            case "RedriveExecution" -> executions.redrive(input);
            case "SendTaskSuccess" -> tokens.success(input);
            case "SendTaskFailure" -> tokens.failure(input);
            case "SendTaskHeartbeat" -> tokens.heartbeat(input);
            case "TestState" -> testState.test(input);
            default -> throw new AwsServiceException("UnknownOperationException",
                    "not supported: the Step Functions operation " + operation);
        };
    }
}
