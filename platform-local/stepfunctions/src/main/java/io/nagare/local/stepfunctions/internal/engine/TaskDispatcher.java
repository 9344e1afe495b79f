package io.nagare.local.stepfunctions.internal.engine;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.asl.Signal;
import io.nagare.local.stepfunctions.internal.asl.State;
import io.nagare.local.stepfunctions.internal.asl.StatesError;
import io.nagare.local.stepfunctions.internal.asl.TaskRequest;
import io.nagare.local.stepfunctions.internal.asl.TaskResource;
import io.nagare.local.stepfunctions.internal.integration.TaskIntegrations;
import io.nagare.local.stepfunctions.internal.integration.TaskInvocation;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Runs Task calls: records their history events (Lambda* for function ARNs, Task* otherwise), answers mocked
 * states from the mock config, waits for task tokens, results of asynchronous calls and timeouts.
 */
final class TaskDispatcher {

    private final TaskIntegrations integrations;
    private final TaskTokens tokens;
    private final MockConfig mocks;
    private final String region;
    private Interpreter interpreter;

    TaskDispatcher(TaskIntegrations integrations, TaskTokens tokens, MockConfig mocks, String region) {
        this.integrations = integrations;
        this.tokens = tokens;
        this.mocks = mocks;
        this.region = region;
    }

    void bind(Interpreter owner) {
        this.interpreter = owner;
    }

    /** Starts the task; returns its result when available at once, else null (the state waits). */
    JsonNode invoke(Execution execution, Frame frame, State state, TaskRequest request, Instant now) {
        TaskResource resource = request.resource();
        recordStart(execution, frame, request, now);
        CompletableFuture<JsonNode> call = call(execution, frame, state, request, now).toCompletableFuture();
        String attempt = frame.attemptKey();
        boolean mocked = call instanceof MockedCall;
        if (resource.pattern() == TaskResource.IntegrationPattern.WAIT_FOR_TASK_TOKEN && !mocked) {
            tokens.await(frame.token, new TaskTokens.Target(execution.record.arn(), frame.id, attempt));
            armDeadlines(execution, frame, request, now);
            if (call.isDone()) {
                submittedOrFailed(execution, frame, call);
            } else {
                call.whenComplete((value, failure) -> execution.mailbox.post(() -> {
                    if (attempt.equals(frame.attemptKey()) && frame.phase == Frame.Phase.ACTIVE) {
                        try {
                            submittedOrFailed(execution, frame, call);
                        } catch (StatesError error) {
                            interpreter.failAttempt(execution, frame, error);
                        }
                    }
                }));
            }
            return null;
        }
        if (call.isDone()) {
            return completed(execution, frame, resource, call, now);
        }
        armDeadlines(execution, frame, request, now);
        call.whenComplete((value, failure) -> execution.mailbox.post(() -> {
            if (!attempt.equals(frame.attemptKey()) || frame.phase != Frame.Phase.ACTIVE) {
                return;
            }
            JsonNode result;
            try {
                result = completed(execution, frame, resource, call, interpreter.now());
            } catch (StatesError error) {
                interpreter.failAttempt(execution, frame, error);
                return;
            }
            interpreter.resume(execution, frame, Signal.taskSucceeded(result));
        }));
        return null;
    }

    private CompletionStage<JsonNode> call(Execution execution, Frame frame, State state, TaskRequest request,
                                           Instant now) {
        String testCase = execution.record.testCase();
        if (mocks != null && testCase != null) {
            int attempt = execution.mockInvocations.merge(state.name(), 1, Integer::sum) - 1;
            MockConfig.MockedResult mocked = mocks.result(stateMachineName(execution), testCase, state.name(), attempt);
            if (mocked != null) {
                MockedCall call = new MockedCall();
                if (mocked.error() != null) {
                    call.completeExceptionally(mocked.error());
                } else {
                    call.complete(mocked.value() == null ? Json.NODES.nullNode() : mocked.value());
                }
                return call;
            }
        }
        TaskResource resource = request.resource();
        return integrations.forResource(resource).invoke(new TaskInvocation(resource, request.parameters(),
                frame.token, execution.record.arn(), submitted -> recordSubmitted(execution, frame, resource, submitted)));
    }

    private static String stateMachineName(Execution execution) {
        String arn = execution.record.stateMachineArn();
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private void submittedOrFailed(Execution execution, Frame frame, CompletableFuture<JsonNode> call) {
        TaskResource resource = frame.branch.state(frame.state).taskResource();
        try {
            recordSubmitted(execution, frame, resource, call.join());
        } catch (CompletionException e) {
            StatesError error = asStatesError(e);
            recordFailure(execution, frame, resource, error, interpreter.now());
            tokens.done(frame.token);
            throw error;
        }
    }

    private JsonNode completed(Execution execution, Frame frame, TaskResource resource,
                               CompletableFuture<JsonNode> call, Instant now) {
        JsonNode result;
        try {
            result = call.join();
        } catch (CompletionException e) {
            StatesError error = asStatesError(e);
            recordFailure(execution, frame, resource, error, now);
            throw error;
        }
        recordSuccess(execution, frame, resource, result, now);
        return result;
    }

    // ---- task tokens (SendTaskSuccess / Failure / Heartbeat), inside the mailbox ------------------------------------

    void succeed(Execution execution, Frame frame, String token, JsonNode output) {
        if (!waitingOn(frame, token)) {
            return;
        }
        tokens.done(token);
        recordSuccess(execution, frame, frame.branch.state(frame.state).taskResource(), output, interpreter.now());
        interpreter.resume(execution, frame, Signal.taskSucceeded(output));
    }

    void fail(Execution execution, Frame frame, String token, String error, String cause) {
        if (!waitingOn(frame, token)) {
            return;
        }
        tokens.done(token);
        StatesError failure = new StatesError(error, cause);
        recordFailure(execution, frame, frame.branch.state(frame.state).taskResource(), failure, interpreter.now());
        interpreter.failAttempt(execution, frame, failure);
    }

    void heartbeat(Execution execution, Frame frame, String token) {
        if (!waitingOn(frame, token) || frame.heartbeatDeadline == null) {
            return;
        }
        long seconds = frame.data.path("heartbeatSeconds").asLong();
        frame.heartbeatDeadline = interpreter.now().plusSeconds(seconds);
        execution.save(frame);
        armHeartbeat(execution, frame);
    }

    private static boolean waitingOn(Frame frame, String token) {
        return frame.phase == Frame.Phase.ACTIVE && token.equals(frame.token);
    }

    /** Re-registers the token and deadlines of a restored frame that waits on a task. */
    void restore(Execution execution, Frame frame) {
        if (frame.token != null) {
            tokens.await(frame.token, new TaskTokens.Target(execution.record.arn(), frame.id, frame.attemptKey()));
        }
        if (frame.taskDeadline != null) {
            armTimeout(execution, frame);
        }
        if (frame.heartbeatDeadline != null) {
            armHeartbeat(execution, frame);
        }
    }

    void release(Frame frame) {
        tokens.done(frame.token);
    }

    void forget(Execution execution) {
        tokens.forgetExecution(execution.record.arn());
    }

    // ---- deadlines --------------------------------------------------------------------------------------------

    private void armDeadlines(Execution execution, Frame frame, TaskRequest request, Instant now) {
        if (request.timeoutSeconds() > 0 && request.timeoutSeconds() < TaskRequest.DEFAULT_TIMEOUT_SECONDS) {
            frame.taskDeadline = now.plusSeconds(request.timeoutSeconds());
            armTimeout(execution, frame);
        }
        if (request.heartbeatSeconds() > 0) {
            frame.data.put("heartbeatSeconds", request.heartbeatSeconds());
            frame.heartbeatDeadline = now.plusSeconds(request.heartbeatSeconds());
            armHeartbeat(execution, frame);
        }
    }

    private void armTimeout(Execution execution, Frame frame) {
        String attempt = frame.attemptKey();
        interpreter.timer(execution, frame.taskDeadline, () -> {
            if (frame.phase == Frame.Phase.ACTIVE && attempt.equals(frame.attemptKey())) {
                timedOut(execution, frame, StatesError.TIMEOUT, null);
            }
        });
    }

    private void armHeartbeat(Execution execution, Frame frame) {
        String attempt = frame.attemptKey();
        Instant due = frame.heartbeatDeadline;
        interpreter.timer(execution, due, () -> {
            if (frame.phase == Frame.Phase.ACTIVE && attempt.equals(frame.attemptKey())
                    && due.equals(frame.heartbeatDeadline)) {
                timedOut(execution, frame, StatesError.HEARTBEAT_TIMEOUT, null);
            }
        });
    }

    private void timedOut(Execution execution, Frame frame, String error, String cause) {
        TaskResource resource = frame.branch.state(frame.state).taskResource();
        tokens.done(frame.token);
        ObjectNode details = Json.object();
        boolean function = resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION;
        if (!function) {
            details.put("resourceType", resource.resourceType());
            details.put("resource", resource.resourceName());
        }
        details.put("error", error);
        if (cause != null) {
            details.put("cause", cause);
        }
        execution.record(frame, interpreter.now(), function ? "LambdaFunctionTimedOut" : "TaskTimedOut",
                function ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails", details);
        interpreter.failAttempt(execution, frame, new StatesError(error, cause));
    }

    // ---- history ----------------------------------------------------------------------------------------------

    private void recordStart(Execution execution, Frame frame, TaskRequest request, Instant now) {
        TaskResource resource = request.resource();
        if (resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION) {
            ObjectNode scheduled = execution.dataDetails("input", request.parameters());
            scheduled.put("resource", resource.arn());
            if (request.timeoutSeconds() < TaskRequest.DEFAULT_TIMEOUT_SECONDS) {
                scheduled.put("timeoutInSeconds", request.timeoutSeconds());
            }
            execution.record(frame, now, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", scheduled);
            execution.record(frame, now, "LambdaFunctionStarted", null, null);
            return;
        }
        ObjectNode scheduled = Json.object();
        scheduled.put("resourceType", resource.resourceType());
        scheduled.put("resource", resource.resourceName());
        scheduled.put("region", region);
        scheduled.put("parameters", Json.write(request.parameters()));
        if (request.timeoutSeconds() < TaskRequest.DEFAULT_TIMEOUT_SECONDS) {
            scheduled.put("timeoutInSeconds", request.timeoutSeconds());
        }
        if (request.heartbeatSeconds() > 0) {
            scheduled.put("heartbeatInSeconds", request.heartbeatSeconds());
        }
        execution.record(frame, now, "TaskScheduled", "taskScheduledEventDetails", scheduled);
        execution.record(frame, now, "TaskStarted", "taskStartedEventDetails", resourceDetails(resource));
    }

    private void recordSubmitted(Execution execution, Frame frame, TaskResource resource, JsonNode response) {
        frame.submitted = true;
        ObjectNode details = resourceDetails(resource);
        details.setAll(execution.dataDetails("output", response));
        execution.record(frame, interpreter.now(), "TaskSubmitted", "taskSubmittedEventDetails", details);
    }

    private void recordSuccess(Execution execution, Frame frame, TaskResource resource, JsonNode result, Instant now) {
        if (resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION) {
            execution.record(frame, now, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails",
                    execution.dataDetails("output", result));
            return;
        }
        ObjectNode details = resourceDetails(resource);
        details.setAll(execution.dataDetails("output", result));
        execution.record(frame, now, "TaskSucceeded", "taskSucceededEventDetails", details);
    }

    private void recordFailure(Execution execution, Frame frame, TaskResource resource, StatesError error, Instant now) {
        boolean function = resource.kind() == TaskResource.Kind.LAMBDA_FUNCTION;
        ObjectNode details = function ? Json.object() : resourceDetails(resource);
        if (error.error() != null) {
            details.put("error", error.error());
        }
        if (error.cause() != null) {
            details.put("cause", error.cause());
        }
        execution.record(frame, now, function ? "LambdaFunctionFailed" : "TaskFailed",
                function ? "lambdaFunctionFailedEventDetails" : "taskFailedEventDetails", details);
    }

    private static ObjectNode resourceDetails(TaskResource resource) {
        ObjectNode details = Json.object();
        details.put("resourceType", resource.resourceType());
        details.put("resource", resource.resourceName());
        return details;
    }

    private static StatesError asStatesError(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof StatesError error) {
            return error;
        }
        return new StatesError(StatesError.TASK_FAILED, String.valueOf(cause));
    }

    /** A call answered from the mock config. */
    private static final class MockedCall extends CompletableFuture<JsonNode> {
    }
}
