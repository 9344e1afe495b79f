package io.nagare.local.stepfunctions.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.internal.asl.Branch;
import io.nagare.local.stepfunctions.internal.asl.Catcher;
import io.nagare.local.stepfunctions.internal.asl.Outcome;
import io.nagare.local.stepfunctions.internal.asl.Retrier;
import io.nagare.local.stepfunctions.internal.asl.Signal;
import io.nagare.local.stepfunctions.internal.asl.State;
import io.nagare.local.stepfunctions.internal.asl.StatesError;
import io.nagare.local.stepfunctions.internal.asl.TaskResource;
import io.nagare.local.stepfunctions.internal.asl.Variables;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Moves frames through their states: enters a state, runs attempts, applies Retry and Catch, records the history
 * and ends the execution. Every method runs inside the execution's mailbox.
 */
final class Interpreter {

    /** States whose history has an Aborted event when a sibling failure or a stop interrupts them. */
    private static final List<String> ABORTABLE = List.of("Task", "Wait", "Map", "Parallel");
    private static final int DATA_LIMIT_BYTES = 256 * 1024;

    private final LocalClock clock;
    private final TaskDispatcher tasks;
    private final Consumer<Execution> ended;

    Interpreter(LocalClock clock, TaskDispatcher tasks, Consumer<Execution> ended) {
        this.clock = clock;
        this.tasks = tasks;
        this.ended = ended;
        tasks.bind(this);
    }

    TaskDispatcher tasks() {
        return tasks;
    }

    Instant now() {
        return clock.now();
    }

    // ---- execution lifecycle ----------------------------------------------------------------------------------

    void start(Execution execution) {
        Frame root = new Frame(Execution.ROOT, null, 0, false);
        root.slot = ++execution.frameSlots;
        root.branch = execution.definition.root();
        root.variables = Variables.root();
        root.state = root.branch.startAt();
        root.input = execution.input();
        Instant now = clock.now();
        ObjectNode started = execution.dataDetails("input", root.input);
        started.put("roleArn", execution.record.roleArn());
        execution.record(root, now, "ExecutionStarted", "executionStartedEventDetails", started);
        execution.frames.put(root.id, root);
        execution.journal.saveRecord(execution.record);
        execution.save(root);
        armExecutionTimeout(execution);
        step(execution, root);
    }

    /** Restarts a redriven execution at its redrive point. */
    void redrive(Execution execution, ObjectNode point) {
        Frame root = new Frame(Execution.ROOT, null, 0, false);
        root.slot = ++execution.frameSlots;
        root.branch = execution.definition.root();
        root.variables = new Variables(null, Frame.fields(point.get("variables")));
        root.state = point.get("state").textValue();
        root.input = point.get("input");
        ObjectNode details = Json.object();
        details.put("redriveCount", execution.record.redriveCount());
        execution.record(root, clock.now(), "ExecutionRedriven", "executionRedrivenEventDetails", details);
        execution.frames.put(root.id, root);
        execution.journal.saveRecord(execution.record);
        execution.save(root);
        armExecutionTimeout(execution);
        step(execution, root);
    }

    void armExecutionTimeout(Execution execution) {
        Integer timeout = execution.definition.timeoutSeconds();
        if (timeout != null) {
            Instant due = execution.record.redriveDate() != null ? execution.record.redriveDate()
                    : execution.record.startDate();
            timer(execution, due.plusSeconds(timeout), () -> timeOut(execution));
        }
    }

    void timeOut(Execution execution) {
        if (execution.record.status().terminal()) {
            return;
        }
        ObjectNode details = Json.object();
        details.put("error", StatesError.TIMEOUT);
        details.put("cause", "The execution exceeded its TimeoutSeconds of " + execution.definition.timeoutSeconds()
                + " seconds.");
        execution.record(execution.root(), clock.now(), "ExecutionTimedOut", "executionTimedOutEventDetails", details);
        execution.record.end(ExecutionStatus.TIMED_OUT, StatesError.TIMEOUT, details.get("cause").textValue(),
                clock.now(), redrivePoint(execution));
        end(execution);
    }

    void stop(Execution execution, String error, String cause) {
        if (execution.record.status().terminal()) {
            return;
        }
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        Instant now = clock.now();
        execution.record(execution.root(), now, "ExecutionAborted", "executionAbortedEventDetails", details);
        execution.record.end(ExecutionStatus.ABORTED, error, cause, now, redrivePoint(execution));
        end(execution);
    }

    private void succeed(Execution execution, Frame root, JsonNode output) {
        Instant now = clock.now();
        execution.record(root, now, "ExecutionSucceeded", "executionSucceededEventDetails",
                execution.dataDetails("output", output));
        execution.record.succeed(Json.write(output), now);
        end(execution);
    }

    private void fail(Execution execution, StatesError error) {
        ObjectNode details = Json.object();
        if (error.error() != null) {
            details.put("error", error.error());
        }
        String cause = error.executionCause();
        if (cause != null) {
            details.put("cause", cause);
        }
        Instant now = clock.now();
        execution.record(execution.root(), now, "ExecutionFailed", "executionFailedEventDetails", details);
        execution.record.end(ExecutionStatus.FAILED, error.error(), cause, now, redrivePoint(execution));
        end(execution);
    }

    /** Fails the execution for a bug in the engine, so it never hangs RUNNING. */
    void internalError(Execution execution, RuntimeException bug) {
        if (!execution.record.status().terminal() && execution.root() != null) {
            fail(execution, StatesError.runtime("Internal error of the local interpreter: " + bug));
        }
    }

    private ObjectNode redrivePoint(Execution execution) {
        Frame root = execution.root();
        if (root == null || root.state == null || execution.record.express()) {
            return null;
        }
        ObjectNode point = Json.object();
        point.put("state", root.state);
        point.set("input", root.input);
        ObjectNode variables = Json.object();
        root.variables.own().forEach(variables::set);
        point.set("variables", variables);
        return point;
    }

    private void end(Execution execution) {
        for (LocalClock.Timer timer : execution.timers) {
            timer.cancel();
        }
        execution.timers.clear();
        tasks.forget(execution);
        for (Frame frame : List.copyOf(execution.frames.values())) {
            execution.delete(frame);
        }
        execution.journal.saveRecord(execution.record);
        execution.flush();
        ended.accept(execution);
    }

    // ---- frames -----------------------------------------------------------------------------------------------

    /** Runs a frame through its states until it waits, ends, or the execution ends. */
    void step(Execution execution, Frame frame) {
        while (frame.phase == Frame.Phase.READY && !execution.record.status().terminal()) {
            State state = frame.branch.state(frame.state);
            Instant now = clock.now();
            ObjectNode entered = execution.dataDetails("input", frame.input);
            entered.put("name", state.name());
            frame.clearStateWork();
            frame.enteredEventId = execution.record(frame, now, state.eventPrefix() + "StateEntered",
                    "stateEnteredEventDetails", entered);
            frame.enteredTime = now;
            frame.phase = Frame.Phase.ACTIVE;
            attempt(execution, frame, state);
        }
    }

    private void attempt(Execution execution, Frame frame, State state) {
        TaskResource resource = state.taskResource();
        if (resource != null && resource.pattern() == TaskResource.IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            frame.token = TaskTokens.create(execution.record.arn(), frame.id, frame.attemptKey());
            frame.submitted = false;
        }
        FrameRun run = new FrameRun(this, execution, frame, state, clock.now());
        Outcome outcome;
        try {
            outcome = state.run(run);
        } catch (StatesError error) {
            handleError(execution, frame, state, run, error);
            return;
        }
        handle(execution, frame, state, run, outcome);
    }

    /** Continues a waiting state with {@code signal}; ignored when the frame has moved on. */
    void resume(Execution execution, Frame frame, Signal signal) {
        if (frame.phase != Frame.Phase.ACTIVE || execution.record.status().terminal()) {
            return;
        }
        State state = frame.branch.state(frame.state);
        FrameRun run = new FrameRun(this, execution, frame, state, clock.now());
        Outcome outcome;
        try {
            outcome = state.resume(run, signal);
        } catch (StatesError error) {
            handleError(execution, frame, state, run, error);
            step(execution, frame);
            return;
        }
        handle(execution, frame, state, run, outcome);
        step(execution, frame);
    }

    /** Fails the current attempt of a waiting state (task failure, timeout). */
    void failAttempt(Execution execution, Frame frame, StatesError error) {
        if (frame.phase != Frame.Phase.ACTIVE || execution.record.status().terminal()) {
            return;
        }
        State state = frame.branch.state(frame.state);
        handleError(execution, frame, state, new FrameRun(this, execution, frame, state, clock.now()), error);
        step(execution, frame);
    }

    private void handle(Execution execution, Frame frame, State state, FrameRun run, Outcome outcome) {
        if (outcome instanceof Outcome.Done done) {
            exit(execution, frame, state, done);
        } else {
            execution.save(frame);
        }
    }

    private void exit(Execution execution, Frame frame, State state, Outcome.Done done) {
        tasks.release(frame);
        dropChildren(execution, frame);
        if (exceedsDataLimit(execution.text(done.output()))) {
            failFrame(execution, frame, new StatesError(StatesError.DATA_LIMIT_EXCEEDED, "The state/task '"
                    + state.name() + "' returned a result with a size exceeding the maximum number of bytes service "
                    + "limit.").at(state.name(), frame.enteredEventId));
            return;
        }
        if (state.recordsExit()) {
            ObjectNode exited = execution.dataDetails("output", done.output());
            exited.put("name", state.name());
            if (!done.assignments().isEmpty()) {
                ObjectNode assigned = Json.object();
                for (Map.Entry<String, JsonNode> variable : done.assignments().entrySet()) {
                    assigned.put(variable.getKey(), Json.write(variable.getValue()));
                }
                exited.set("assignedVariables", assigned);
                ObjectNode truncated = Json.object();
                truncated.put("truncated", false);
                exited.set("assignedVariablesDetails", truncated);
            }
            execution.record(frame, clock.now(), state.eventPrefix() + "StateExited", "stateExitedEventDetails", exited);
        }
        frame.variables.assign(done.assignments());
        if (done.next() == null) {
            finishFrame(execution, frame, done.output());
        } else {
            frame.moveTo(done.next(), done.output());
            execution.save(frame);
        }
    }

    /** AWS's limit on a state's output: 256 KiB of UTF-8. */
    private static boolean exceedsDataLimit(String text) {
        return text.length() > DATA_LIMIT_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > DATA_LIMIT_BYTES;
    }

    private void handleError(Execution execution, Frame frame, State state, FrameRun run, StatesError error) {
        boolean firstSeen = error.stateName() == null;
        error.at(state.name(), frame.enteredEventId);
        tasks.release(frame);
        dropChildren(execution, frame);
        Instant now = clock.now();
        if (firstSeen && StatesError.QUERY_EVALUATION_ERROR.equals(error.error())) {
            ObjectNode details = Json.object();
            details.put("error", error.error());
            details.put("cause", error.executionCause());
            if (error.location() != null) {
                details.put("location", error.location());
            }
            details.put("state", state.name());
            execution.record(frame, now, "EvaluationFailed", "evaluationFailedEventDetails", details);
        }
        if (!error.terminal()) {
            int index = state.retrierFor(error.error());
            if (index >= 0) {
                Retrier retrier = state.retriers().get(index);
                String key = String.valueOf(index);
                int count = frame.retries.path(key).asInt(0);
                if (retrier.allows(count)) {
                    frame.retries.put(key, count + 1);
                    frame.retryCount++;
                    frame.data = Json.object();
                    frame.phase = Frame.Phase.RETRY_WAIT;
                    frame.timerDue = now.plus(retrier.delay(count));
                    execution.save(frame);
                    armRetry(execution, frame);
                    return;
                }
            }
            Catcher catcher = state.catcherFor(error.error());
            if (catcher != null) {
                ObjectNode errorOutput = Json.object();
                errorOutput.put("Error", error.error() == null ? "" : error.error());
                errorOutput.put("Cause", error.cause() == null ? "" : error.cause());
                JsonNode output;
                Map<String, JsonNode> assignments;
                try {
                    output = catcher.output(frame.input, errorOutput, run);
                    assignments = catcher.assignments(errorOutput, run);
                } catch (StatesError catchError) {
                    catchError.at(state.name(), frame.enteredEventId);
                    failFrame(execution, frame, catchError);
                    return;
                }
                exit(execution, frame, state, new Outcome.Done(output, catcher.next(), assignments));
                return;
            }
        }
        failFrame(execution, frame, error);
    }

    void armRetry(Execution execution, Frame frame) {
        String attempt = frame.attemptKey();
        timer(execution, frame.timerDue, () -> retry(execution, frame, attempt));
    }

    /** Retries a frame's state at once (a restored task whose call was interrupted by a restart). */
    void retryNow(Execution execution, Frame frame) {
        retry(execution, frame, frame.attemptKey());
    }

    private void retry(Execution execution, Frame frame, String attempt) {
        if (frame.phase != Frame.Phase.RETRY_WAIT || !attempt.equals(frame.attemptKey())
                || execution.record.status().terminal()) {
            return;
        }
        frame.phase = Frame.Phase.ACTIVE;
        frame.timerDue = null;
        attempt(execution, frame, frame.branch.state(frame.state));
        step(execution, frame);
    }

    void scheduleStateTimer(Execution execution, Frame frame, Instant due) {
        frame.timerDue = due;
        armStateTimer(execution, frame);
    }

    void armStateTimer(Execution execution, Frame frame) {
        String attempt = frame.attemptKey();
        timer(execution, frame.timerDue, () -> {
            if (frame.phase == Frame.Phase.ACTIVE && attempt.equals(frame.attemptKey())) {
                frame.timerDue = null;
                resume(execution, frame, Signal.timer());
            }
        });
    }

    /** Runs {@code action} in the execution's mailbox once the clock reaches {@code due}. */
    void timer(Execution execution, Instant due, Runnable action) {
        if (!due.isAfter(clock.now())) {
            execution.mailbox.post(action);
            return;
        }
        execution.timers.add(clock.schedule(due, () -> execution.mailbox.post(action)));
    }

    private void finishFrame(Execution execution, Frame frame, JsonNode output) {
        if (frame.parentId == null) {
            succeed(execution, frame, output);
            return;
        }
        frame.phase = Frame.Phase.SUCCEEDED;
        frame.output = output;
        execution.save(frame);
        signalParent(execution, frame, Signal.childSucceeded(frame.index));
    }

    private void failFrame(Execution execution, Frame frame, StatesError error) {
        if (frame.parentId == null) {
            fail(execution, error);
            return;
        }
        frame.phase = Frame.Phase.FAILED;
        frame.error = error.error();
        frame.cause = error.cause();
        execution.save(frame);
        signalParent(execution, frame, Signal.childFailed(frame.index, error));
    }

    private void signalParent(Execution execution, Frame child, Signal signal) {
        execution.mailbox.post(() -> {
            Frame parent = execution.frames.get(child.parentId);
            if (parent == null || child.phase == Frame.Phase.ABORTED
                    || !child.id.startsWith(parent.id + "/" + parent.attemptKey() + ".")) {
                return;
            }
            resume(execution, parent, signal);
        });
    }

    void startChild(Execution execution, Frame parent, int index, Branch branch, JsonNode input, boolean isolated) {
        Frame child = new Frame(parent.childId(index), parent.id, index, isolated);
        child.slot = ++execution.frameSlots;
        child.branch = branch;
        child.variables = isolated ? Variables.root() : parent.variables.inner();
        child.state = branch.startAt();
        child.input = input;
        child.lastEventId = parent.lastEventId;
        execution.frames.put(child.id, child);
        parent.children.add(child);
        execution.save(child);
        execution.mailbox.post(() -> step(execution, child));
    }

    void abortChildren(Execution execution, Frame parent, Instant now) {
        boolean map = "Map".equals(parent.branch.state(parent.state).eventPrefix());
        for (Frame child : parent.children) {
            if (child.finished()) {
                continue;
            }
            abortFrame(execution, child, now);
            if (map) {
                ObjectNode iteration = Json.object();
                iteration.put("name", parent.state);
                iteration.put("index", child.index);
                execution.record(parent, now, "MapIterationAborted", "mapIterationAbortedEventDetails", iteration);
            }
        }
    }

    private void abortFrame(Execution execution, Frame frame, Instant now) {
        for (Frame child : frame.children) {
            if (!child.finished()) {
                abortFrame(execution, child, now);
            }
        }
        if (frame.phase == Frame.Phase.ACTIVE || frame.phase == Frame.Phase.RETRY_WAIT) {
            String prefix = frame.branch.state(frame.state).eventPrefix();
            if (ABORTABLE.contains(prefix)) {
                execution.record(frame, now, prefix + "StateAborted", null, null);
            }
        }
        tasks.release(frame);
        frame.phase = Frame.Phase.ABORTED;
        execution.save(frame);
    }

    /** Removes the children of a frame's state, once it has used their outputs. */
    private void dropChildren(Execution execution, Frame parent) {
        for (Frame child : parent.children) {
            dropChildren(execution, child);
            execution.delete(child);
        }
        parent.children.clear();
    }
}
