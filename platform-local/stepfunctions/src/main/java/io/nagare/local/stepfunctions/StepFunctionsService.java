package io.nagare.local.stepfunctions;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsJsonService;
import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.local.stepfunctions.internal.api.StepFunctionsApi;
import io.nagare.local.stepfunctions.internal.engine.Definitions;
import io.nagare.local.stepfunctions.internal.engine.ExecutionEngine;
import io.nagare.local.stepfunctions.internal.engine.StateMachines;
import io.nagare.local.stepfunctions.internal.integration.InProcessServiceCalls;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/**
 * AWS Step Functions on the local endpoint ({@code X-Amz-Target: AWSStepFunctions.<Operation>}, AWS JSON 1.0): an
 * Amazon States Language interpreter with durable STANDARD executions and in-memory EXPRESS ones. Executions that
 * were running when the runtime stopped continue when it starts again.
 */
public final class StepFunctionsService extends AwsJsonService implements EventTargetInvoker.StepFunctions {

    private static final long CLOSE_WAIT_SECONDS = 5;
    /** How long AWS keeps a closed execution (and its history). */
    private static final Duration RETENTION = Duration.ofDays(90);

    private final StepFunctionsStore store;
    private final ExecutionEngine engine;
    private final StepFunctionsApi api;
    private final ExecutorService ownedExecutor;
    /** Runs task calls (a Lambda function runs on its caller's thread for as long as it takes), off the engine's threads. */
    private final ExecutorService taskCallers;

    StepFunctionsService(RuntimeContext context, StepFunctionsServiceFactory options) {
        super("AWSStepFunctions", "1.0", "com.amazonaws.swf.service.v2.model");
        this.store = new StepFunctionsStore(context.store("stepfunctions"));
        this.ownedExecutor = options.newExecutor();
        this.taskCallers = ownedExecutor == null ? null : newTaskCallers();
        Definitions definitions = new Definitions(store);
        StateMachines machines = new StateMachines(store);
        AwsServiceCalls calls = options.serviceCalls() != null ? options.serviceCalls()
                : new InProcessServiceCalls(context, taskCallers == null ? Runnable::run : taskCallers);
        this.engine = new ExecutionEngine(context.clock(), ownedExecutor == null ? Runnable::run : ownedExecutor, store,
                definitions, machines::find, calls, options.mockConfig(), options.statusEvents(), context.region(),
                context.accountId());
        this.api = new StepFunctionsApi(store, machines, definitions, engine, context.clock(), options.mockConfig(),
                context.region(), context.accountId());
        store.purgeClosedBefore(context.clock().now().minus(RETENTION));
        engine.resumeRunning();
    }

    @Override
    public String name() {
        return "stepfunctions";
    }

    @Override
    protected JsonNode invoke(String operation, ObjectNode input) {
        return api.invoke(operation, input);
    }

    /**
     * Calls an operation in-process, with the same request and response shapes as on the wire; errors are thrown as
     * {@link io.nagare.local.runtime.AwsServiceException}.
     */
    public JsonNode call(String operation, ObjectNode input) {
        return api.invoke(operation, input);
    }

    /**
     * An EventBridge rule's delivery to a state machine: StartExecution with the rule's input, as EventBridge does.
     * A missing state machine or a refused input goes to the dead-letter queue at once; throttling is retried.
     */
    @Override
    public void invoke(EventTargetRequest request) {
        ObjectNode start = JSON.createObjectNode();
        start.put("stateMachineArn", request.targetArn());
        start.put("input", request.input());
        try {
            api.invoke("StartExecution", start);
        } catch (AwsServiceException e) {
            boolean throttled = e.httpStatus() == 429 || e.errorCode().startsWith("Throttl");
            String code = switch (e.errorCode()) {
                case "StateMachineDoesNotExist", "StateMachineDeleting", "InvalidArn" -> "NO_RESOURCE";
                default -> throttled ? "THROTTLING" : e.httpStatus() >= 500 ? "INTERNAL_ERROR" : "INVALID_PARAMETER";
            };
            throw new EventTargetException(code, e.errorCode() + ": " + e.getMessage(),
                    throttled || e.httpStatus() >= 500);
        }
    }

    /** Completes with the final status (SUCCEEDED, FAILED, ...) once the execution has ended. */
    public CompletionStage<String> whenEnded(String executionArn) {
        return engine.completion(executionArn).thenApply(record -> record.status().name());
    }

    private static ExecutorService newTaskCallers() {
        AtomicInteger number = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "nagare-stepfunctions-task-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** How many executions are running now. */
    public int runningExecutions() {
        return engine.running();
    }

    /** Stops timers, lets the steps under way finish (so no half step reaches the store), then stops. */
    @Override
    public void close() {
        engine.close();
        if (taskCallers != null) {
            taskCallers.shutdownNow();
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            try {
                if (!ownedExecutor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    ownedExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ownedExecutor.shutdownNow();
            }
        }
        store.close();
    }
}
