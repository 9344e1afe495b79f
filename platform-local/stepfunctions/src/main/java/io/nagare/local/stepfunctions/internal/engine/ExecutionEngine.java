package io.nagare.local.stepfunctions.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.asl.StateMachineDefinition;
import io.nagare.local.stepfunctions.internal.asl.Variables;
import io.nagare.local.stepfunctions.internal.integration.TaskIntegrations;
import io.nagare.local.stepfunctions.internal.json.Json;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/**
 * Starts, stops, redrives and resumes executions, and routes task tokens to them. STANDARD executions are durable:
 * on creation the engine resumes every execution the store holds as running.
 */
public final class ExecutionEngine implements AutoCloseable {

    private static final long MAILBOX_WAIT_SECONDS = 30;
    /** AWS redrives executions that stopped at most 14 days ago. */
    private static final Duration REDRIVE_WINDOW = Duration.ofDays(14);

    private final LocalClock clock;
    private final Executor executor;
    private final StepFunctionsStore store;
    private final Definitions definitions;
    private final Function<String, StateMachineRecord> machines;
    private final String region;
    private final String accountId;
    private final TaskTokens tokens = new TaskTokens();
    private final Interpreter interpreter;
    private final Journal journal;
    private final StatusEvents statusEvents;
    private final TaskIntegrations integrations;
    private final Map<String, Execution> live = new ConcurrentHashMap<>();

    public ExecutionEngine(LocalClock clock, Executor executor, StepFunctionsStore store, Definitions definitions,
                           Function<String, StateMachineRecord> machines, AwsServiceCalls calls, MockConfig mocks,
                           boolean statusEvents, String region, String accountId) {
        this.clock = clock;
        this.executor = executor;
        this.store = store;
        this.definitions = definitions;
        this.machines = machines;
        this.region = region;
        this.accountId = accountId;
        this.journal = Journal.of(store);
        this.statusEvents = new StatusEvents(calls, statusEvents);
        ChildExecutions children = new ChildExecutions(machines);
        this.integrations = new TaskIntegrations(calls, children);
        TaskDispatcher dispatcher = new TaskDispatcher(integrations, tokens, mocks, region);
        this.interpreter = new Interpreter(clock, dispatcher, this::ended);
        children.bind(this);
    }

    /**
     * Starts an execution. Its record is stored before this returns; the execution itself runs on the executor.
     *
     * @param name      the execution name, or null for a generated one
     * @param parsedInput the input already parsed (null to parse {@code input})
     * @param testCase  the MockConfigFile test case, or null
     * @param parentArn the execution that started this one from a Task, or null
     */
    public Started start(StateMachineRecord machine, String name, String input, JsonNode parsedInput, String testCase,
                         String parentArn) {
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        Instant now = clock.now();
        boolean express = machine.express();
        String arn = "arn:aws:states:" + region + ":" + accountId + ":" + (express ? "express" : "execution") + ":"
                + machine.name() + ":" + executionName + (express ? ":" + UUID.randomUUID() : "");
        StateMachineDefinition definition = definitions.get(machine.arn(), machine.revisionId());
        Journal executionJournal = express ? Journal.TRANSIENT : journal;
        ExecutionRecord record;
        synchronized (this) {
            if (!express) {
                byte[] existing = store.execution(arn);
                if (existing != null) {
                    ExecutionRecord previous = ExecutionRecord.fromJson(Json.parse(existing));
                    if (previous.status() == ExecutionStatus.RUNNING && previous.input().equals(input)) {
                        return new Started(previous, completion(arn));
                    }
                    throw new AwsServiceException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
                }
            }
            long seq = store.nextSequence("execution");
            record = new ExecutionRecord(arn, machine.arn(), machine.seq(), executionName, machine.type(), seq,
                    machine.revisionId(), input, now, machine.roleArn(), testCase, parentArn);
            executionJournal.turn(() -> executionJournal.saveRecord(record));
        }
        Execution execution = newExecution(record, definition, executionJournal, machine.name());
        execution.startInput(parsedInput);
        live.put(arn, execution);
        statusEvents.publish(record);
        execution.mailbox.post(() -> interpreter.start(execution));
        return new Started(record, execution.completion);
    }

    /** A started execution: its record as stored at the start, and its end. */
    public record Started(ExecutionRecord record, CompletableFuture<ExecutionRecord> completion) {
    }

    private Execution newExecution(ExecutionRecord record, StateMachineDefinition definition, Journal executionJournal,
                                   String machineName) {
        Execution[] holder = new Execution[1];
        Mailbox mailbox = new Mailbox(executor, executionJournal, bug -> {
            System.err.println("nagare: stepfunctions engine error in " + record.arn() + ": " + bug);
            bug.printStackTrace();
            interpreter.internalError(holder[0], bug);
        });
        holder[0] = new Execution(record, definition, executionJournal, mailbox, machineName);
        mailbox.onStepEnd(holder[0]::flush);
        return holder[0];
    }

    private void ended(Execution execution) {
        live.remove(execution.record.arn());
        statusEvents.publish(execution.record);
        execution.completion.complete(execution.record);
    }

    /** Completes when the execution has ended (at once when it already has). */
    public CompletableFuture<ExecutionRecord> completion(String arn) {
        Execution execution = live.get(arn);
        if (execution != null) {
            return execution.completion;
        }
        ExecutionRecord record = find(arn);
        if (record == null) {
            return CompletableFuture.failedFuture(new AwsServiceException("ExecutionDoesNotExist",
                    "Execution Does Not Exist: '" + arn + "'"));
        }
        return CompletableFuture.completedFuture(record);
    }

    /** The stored record of a STANDARD execution, or null. */
    public ExecutionRecord find(String arn) {
        byte[] stored = store.execution(arn);
        return stored == null ? null : ExecutionRecord.fromJson(Json.parse(stored));
    }

    /** The id of the last history event of an execution. */
    public long lastEventId(ExecutionRecord record) {
        return store.lastEventId(record.seq());
    }

    public List<byte[]> events(ExecutionRecord record, long from, long to) {
        return store.events(record.seq(), from, to);
    }

    public void stop(String arn, String error, String cause) {
        Execution execution = live.get(arn);
        if (execution != null) {
            inMailbox(execution, () -> interpreter.stop(execution, error, cause));
        }
    }

    /** Restarts a failed, timed-out or aborted execution from the state where it stopped. */
    public ExecutionRecord redrive(ExecutionRecord record) {
        if (record.express()) {
            throw new AwsServiceException("ExecutionNotRedrivable", "Execution of an EXPRESS state machine cannot be "
                    + "redriven: '" + record.arn() + "'");
        }
        if (!record.status().terminal() || record.status() == ExecutionStatus.SUCCEEDED
                || record.redrivePoint() == null) {
            throw new AwsServiceException("ExecutionNotRedrivable", "Execution is " + record.status()
                    + " and cannot be redriven: '" + record.arn() + "'");
        }
        if (!withinRedriveWindow(record)) {
            throw new AwsServiceException("ExecutionNotRedrivable", "Execution stopped more than 14 days ago and "
                    + "cannot be redriven: '" + record.arn() + "'");
        }
        StateMachineRecord machine = machines.apply(record.stateMachineArn());
        if (machine == null) {
            throw new AwsServiceException("ExecutionNotRedrivable", "The state machine of '" + record.arn()
                    + "' was deleted");
        }
        record.redrive(clock.now());
        Execution execution = newExecution(record, definitions.get(record.stateMachineArn(), record.revisionId()),
                journal, machine.name());
        execution.eventCount = store.lastEventId(record.seq());
        journal.turn(() -> journal.saveRecord(record));
        live.put(record.arn(), execution);
        statusEvents.publish(record);
        execution.mailbox.post(() -> interpreter.redrive(execution, record.redrivePoint()));
        return record;
    }

    /** Whether a closed execution stopped recently enough to be redriven (AWS allows 14 days). */
    public boolean withinRedriveWindow(ExecutionRecord record) {
        return record.stopDate() != null && !record.stopDate().isBefore(clock.now().minus(REDRIVE_WINDOW));
    }

    // ---- task tokens ------------------------------------------------------------------------------------------

    public void sendTaskSuccess(String token, JsonNode output) {
        TaskTarget target = target(token);
        inMailbox(target.execution, () -> interpreter.tasks().succeed(target.execution, target.frame, token, output));
    }

    public void sendTaskFailure(String token, String error, String cause) {
        TaskTarget target = target(token);
        inMailbox(target.execution, () -> interpreter.tasks().fail(target.execution, target.frame, token, error, cause));
    }

    public void sendTaskHeartbeat(String token) {
        TaskTarget target = target(token);
        inMailbox(target.execution, () -> interpreter.tasks().heartbeat(target.execution, target.frame, token));
    }

    private record TaskTarget(Execution execution, Frame frame) {
    }

    private TaskTarget target(String token) {
        TaskTokens.Target target = TaskTokens.decode(token);
        if (target == null) {
            throw new AwsServiceException("InvalidToken", "Invalid Token: 'Invalid token'");
        }
        Execution execution = live.get(target.executionArn());
        if (execution == null) {
            if (find(target.executionArn()) == null) {
                throw new AwsServiceException("TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist'");
            }
            throw new AwsServiceException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        Frame frame = execution.frames.get(target.frameId());
        if (frame == null || !tokens.isWaiting(token)) {
            throw new AwsServiceException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        return new TaskTarget(execution, frame);
    }

    /** Runs {@code action} in the execution's mailbox and waits for it, so the caller sees its effect. */
    private static void inMailbox(Execution execution, Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execution.mailbox.post(() -> {
            try {
                action.run();
            } finally {
                done.complete(null);
            }
        });
        try {
            done.get(MAILBOX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new AwsServiceException("InternalFailure", "the execution did not answer: " + e, 500);
        }
    }

    // ---- resume after restart ---------------------------------------------------------------------------------

    /** Continues every execution the store holds as running; returns how many. */
    public int resumeRunning() {
        int resumed = 0;
        for (long seq : store.runningExecutions()) {
            byte[] stored = store.execution(seq);
            ExecutionRecord record = stored == null ? null : ExecutionRecord.fromJson(Json.parse(stored));
            if (record == null || record.status() != ExecutionStatus.RUNNING) {
                continue;
            }
            String arn = record.arn();
            StateMachineRecord machine = machines.apply(record.stateMachineArn());
            String machineName = record.stateMachineArn().substring(record.stateMachineArn().lastIndexOf(':') + 1);
            Execution execution = newExecution(record, definitions.get(record.stateMachineArn(), record.revisionId()),
                    journal, machine == null ? machineName : machine.name());
            execution.eventCount = store.lastEventId(record.seq());
            live.put(arn, execution);
            execution.mailbox.post(() -> restore(execution));
            resumed++;
        }
        return resumed;
    }

    private void restore(Execution execution) {
        List<Frame> loaded = new ArrayList<>();
        List<JsonNode> stored = new ArrayList<>();
        for (byte[] bytes : store.frames(execution.record.seq())) {
            stored.add(Json.parse(bytes));
        }
        stored.sort(Comparator.comparingInt(json -> json.get("id").textValue().length()));
        for (JsonNode json : stored) {
            String parentId = json.get("parentId").isNull() ? null : json.get("parentId").textValue();
            Frame parent = parentId == null ? null : execution.frames.get(parentId);
            if (parentId != null && parent == null) {
                continue;
            }
            boolean isolated = json.get("isolated").booleanValue();
            Variables outer = parent == null || isolated ? null : parent.variables;
            Frame frame = Frame.fromJson(json, outer);
            execution.frameSlots = Math.max(execution.frameSlots, frame.slot);
            frame.branch = parent == null ? execution.definition.root()
                    : parent.branch.state(parent.state).childBranch(frame.index);
            if (parent != null) {
                parent.children.add(frame);
            }
            execution.frames.put(frame.id, frame);
            loaded.add(frame);
        }
        if (execution.root() == null) {
            interpreter.start(execution);
            return;
        }
        interpreter.armExecutionTimeout(execution);
        for (Frame frame : loaded) {
            switch (frame.phase) {
                case READY -> execution.mailbox.post(() -> interpreter.step(execution, frame));
                case RETRY_WAIT -> interpreter.armRetry(execution, frame);
                case ACTIVE -> {
                    if (frame.timerDue != null) {
                        interpreter.armStateTimer(execution, frame);
                    } else if (frame.token != null && !frame.submitted && frame.children.isEmpty()) {
                        // A .waitForTaskToken call in flight when the runtime died: no worker may hold the token, so
                        // waiting for it could last until a timeout. Call again (with a new token), as for other tasks.
                        frame.phase = Frame.Phase.RETRY_WAIT;
                        frame.timerDue = clock.now();
                        execution.mailbox.post(() -> interpreter.retryNow(execution, frame));
                    } else if (frame.token != null || frame.taskDeadline != null) {
                        interpreter.tasks().restore(execution, frame);
                    } else if (frame.children.isEmpty() && frame.branch.state(frame.state).taskResource() != null) {
                        // The task's result was not recorded before the restart: call it again.
                        frame.phase = Frame.Phase.RETRY_WAIT;
                        frame.timerDue = clock.now();
                        execution.mailbox.post(() -> interpreter.retryNow(execution, frame));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The task integrations executions use (TestState calls them too). */
    public TaskIntegrations integrations() {
        return integrations;
    }

    public int running() {
        return live.size();
    }

    @Override
    public void close() {
        for (Execution execution : live.values()) {
            for (LocalClock.Timer timer : execution.timers) {
                timer.cancel();
            }
        }
        live.clear();
    }
}
