package io.nagare.local.stepfunctions.internal.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.stepfunctions.internal.asl.StatesError;
import io.nagare.local.stepfunctions.internal.asl.TaskResource;
import io.nagare.local.stepfunctions.internal.integration.TaskIntegration;
import io.nagare.local.stepfunctions.internal.integration.TaskInvocation;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * {@code arn:aws:states:::states:startExecution} (request-response, {@code .sync}, {@code .sync:2} and
 * {@code .waitForTaskToken}): starts an execution of this same service, optionally waiting for it to end.
 */
final class ChildExecutions implements TaskIntegration {

    private final Function<String, StateMachineRecord> machines;
    private ExecutionEngine engine;

    ChildExecutions(Function<String, StateMachineRecord> machines) {
        this.machines = machines;
    }

    void bind(ExecutionEngine owner) {
        this.engine = owner;
    }

    @Override
    public CompletionStage<JsonNode> invoke(TaskInvocation invocation) {
        TaskResource resource = invocation.resource();
        if (!resource.action().equals("startExecution")) {
            return CompletableFuture.failedFuture(StatesError.runtime("not supported: states:" + resource.action()
                    + " (only states:startExecution)"));
        }
        JsonNode parameters = invocation.parameters();
        JsonNode machineArn = parameters.get("StateMachineArn");
        if (machineArn == null || !machineArn.isTextual()) {
            return CompletableFuture.failedFuture(StatesError.runtime(
                    "The field 'StateMachineArn' is required by arn:aws:states:::states:startExecution"));
        }
        JsonNode input = parameters.get("Input");
        String inputText = input == null ? "{}" : input.isTextual() ? input.textValue() : Json.write(input);
        JsonNode name = parameters.get("Name");
        ExecutionEngine.Started child;
        try {
            StateMachineRecord machine = machines.apply(machineArn.textValue());
            if (machine == null) {
                throw new AwsServiceException("StateMachineDoesNotExist", "State Machine Does Not Exist: '"
                        + machineArn.textValue() + "'");
            }
            child = engine.start(machine, name == null ? null : name.asText(), inputText,
                    input == null || input.isTextual() ? null : input, null, invocation.executionArn());
        } catch (AwsServiceException e) {
            return CompletableFuture.failedFuture(new StatesError("StepFunctions." + e.errorCode() + "Exception",
                    e.getMessage()));
        }
        ObjectNode started = Json.object();
        started.put("ExecutionArn", child.record().arn());
        started.put("StartDate", child.record().startDate().toEpochMilli());
        if (resource.pattern() != TaskResource.IntegrationPattern.SYNC
                && resource.pattern() != TaskResource.IntegrationPattern.SYNC2) {
            return CompletableFuture.completedFuture(started);
        }
        invocation.submitted().accept(started);
        boolean parsed = resource.pattern() == TaskResource.IntegrationPattern.SYNC2;
        return child.completion().thenApply(done -> {
            ObjectNode described = describe(done, parsed);
            if (done.status() != ExecutionStatus.SUCCEEDED) {
                throw new StatesError(StatesError.TASK_FAILED, Json.write(described));
            }
            return described;
        });
    }

    private static ObjectNode describe(ExecutionRecord done, boolean parsed) {
        ObjectNode out = Json.object();
        out.put("ExecutionArn", done.arn());
        out.set("Input", parsed ? Json.parse(done.input()) : Json.NODES.textNode(done.input()));
        ObjectNode included = Json.object();
        included.put("Included", true);
        out.set("InputDetails", included);
        out.put("Name", done.name());
        if (done.output() != null) {
            out.set("Output", parsed ? Json.parse(done.output()) : Json.NODES.textNode(done.output()));
            out.set("OutputDetails", included.deepCopy());
        }
        if (done.error() != null) {
            out.put("Error", done.error());
        }
        if (done.cause() != null) {
            out.put("Cause", done.cause());
        }
        out.put("RedriveCount", done.redriveCount());
        out.put("RedriveStatus", "NOT_REDRIVABLE");
        out.put("StartDate", done.startDate().toEpochMilli());
        out.put("StateMachineArn", done.stateMachineArn());
        out.put("Status", done.status().name());
        if (done.stopDate() != null) {
            out.put("StopDate", done.stopDate().toEpochMilli());
        }
        return out;
    }
}
