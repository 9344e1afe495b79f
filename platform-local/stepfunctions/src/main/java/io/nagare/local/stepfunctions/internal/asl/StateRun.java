package io.nagare.local.stepfunctions.internal.asl;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a state sees of the engine while it runs: its input, the evaluation context, the history, timers, task
 * integrations and child branches. One instance serves one state of one branch of an execution at a time.
 */
public interface StateRun extends EvalContext {

    String stateName();

    JsonNode rawInput();

    /** {@code $$.State.RetryCount}. */
    int retryCount();

    Instant now();

    /** The state's own persisted working data while it is in progress (a Map's counters, a Task's token). */
    ObjectNode stateData();

    /** Sets {@code $states.result} for the JSONata expressions evaluated next. */
    void result(JsonNode result);

    /** Sets {@code $states.errorOutput} for the JSONata expressions evaluated next. */
    void errorOutput(JsonNode errorOutput);

    /** Appends a history event; {@code detailsField} names its details member (null for none). */
    void record(String eventType, String detailsField, ObjectNode details);

    /** Asks for {@link State#resume} with a {@link Signal#timer()} signal once the clock reaches {@code due}. */
    void schedule(Instant due);

    /**
     * Runs a task through the integration for its resource; returns the result when it is available at once, or
     * null when the state suspends until {@link State#resume} receives it. Failures are thrown as
     * {@link StatesError} once the engine has recorded them.
     */
    JsonNode invokeTask(TaskRequest request);

    /**
     * Starts branch {@code index} of a Parallel state or iteration {@code index} of a Map state.
     *
     * @param isolated whether the branch sees no variables of the enclosing scopes (Distributed Map)
     */
    void startChild(int index, Branch branch, JsonNode input, boolean isolated);

    /** The output of a finished child. */
    JsonNode childOutput(int index);

    /** Aborts the children still running (a sibling failed). */
    void abortChildren();

    /** Sets {@code $$.Map.Item} for the expressions evaluated next (null clears it). */
    void mapItem(ObjectNode item);
}
