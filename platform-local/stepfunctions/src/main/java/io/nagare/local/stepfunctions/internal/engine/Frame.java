package io.nagare.local.stepfunctions.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.asl.Branch;
import io.nagare.local.stepfunctions.internal.asl.Variables;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * One thread of control of an execution: the root branch, a Parallel branch or a Map iteration. It is at one state
 * at a time, in one phase; it is persisted at each transition and whenever it starts waiting, so a restarted runtime
 * continues it from there.
 */
final class Frame {

    enum Phase {
        /** About to enter {@link #state} with {@link #input}. */
        READY,
        /** In {@link #state}: running, or waiting for a timer, a task or children. */
        ACTIVE,
        /** Waiting until {@link #timerDue} to retry {@link #state}. */
        RETRY_WAIT,
        /** Finished with {@link #output} (children only). */
        SUCCEEDED,
        /** Finished with {@link #error} (children only). */
        FAILED,
        /** Stopped because a sibling failed or the execution ended. */
        ABORTED
    }

    final String id;
    final String parentId;
    final int index;
    final boolean isolated;
    /** The frame's number within its execution, its storage key. */
    long slot;
    /** The frames this frame's current state started (kept in memory; rebuilt from parent ids on restore). */
    final List<Frame> children = new ArrayList<>();
    Branch branch;
    Variables variables;
    String state;
    Phase phase = Phase.READY;
    JsonNode input;
    long enteredEventId;
    Instant enteredTime;
    long lastEventId;
    int retryCount;
    ObjectNode retries = Json.object();
    ObjectNode data = Json.object();
    Instant timerDue;
    String token;
    /** Whether the call of a {@code .waitForTaskToken} task was answered (the worker holds the token). */
    boolean submitted;
    Instant taskDeadline;
    Instant heartbeatDeadline;
    JsonNode output;
    String error;
    String cause;

    Frame(String id, String parentId, int index, boolean isolated) {
        this.id = id;
        this.parentId = parentId;
        this.index = index;
        this.isolated = isolated;
    }

    boolean finished() {
        return phase == Phase.SUCCEEDED || phase == Phase.FAILED || phase == Phase.ABORTED;
    }

    /** Identifies the current attempt of the current state, so stale timers and task results are ignored. */
    String attemptKey() {
        return enteredEventId + "." + retryCount;
    }

    /** The id of child {@code childIndex} started by the current attempt of this frame's state. */
    String childId(int childIndex) {
        return id + "/" + enteredEventId + "." + retryCount + "." + childIndex;
    }

    void moveTo(String nextState, JsonNode nextInput) {
        state = nextState;
        input = nextInput;
        phase = Phase.READY;
        clearStateWork();
    }

    void clearStateWork() {
        retryCount = 0;
        retries = Json.object();
        data = Json.object();
        timerDue = null;
        token = null;
        submitted = false;
        taskDeadline = null;
        heartbeatDeadline = null;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("parentId", parentId);
        json.put("index", index);
        json.put("isolated", isolated);
        json.put("slot", slot);
        json.put("state", state);
        json.put("phase", phase.name());
        json.set("input", input);
        json.put("enteredEventId", enteredEventId);
        if (enteredTime != null) {
            json.put("enteredTime", enteredTime.toEpochMilli());
        }
        json.put("lastEventId", lastEventId);
        json.put("retryCount", retryCount);
        json.set("retries", retries);
        json.set("data", data);
        putInstant(json, "timerDue", timerDue);
        json.put("token", token);
        json.put("submitted", submitted);
        putInstant(json, "taskDeadline", taskDeadline);
        putInstant(json, "heartbeatDeadline", heartbeatDeadline);
        json.set("output", output);
        json.put("error", error);
        json.put("cause", cause);
        ObjectNode vars = Json.object();
        variables.own().forEach(vars::set);
        json.set("variables", vars);
        return json;
    }

    /** Restores a frame; its branch and the outer scope of its variables are linked by the caller. */
    static Frame fromJson(JsonNode json, Variables outer) {
        Frame frame = new Frame(json.get("id").textValue(), text(json, "parentId"), json.get("index").intValue(),
                json.get("isolated").booleanValue());
        frame.slot = json.get("slot").longValue();
        frame.state = text(json, "state");
        frame.phase = Phase.valueOf(json.get("phase").textValue());
        frame.input = json.get("input");
        frame.enteredEventId = json.get("enteredEventId").longValue();
        frame.enteredTime = instant(json, "enteredTime");
        frame.lastEventId = json.get("lastEventId").longValue();
        frame.retryCount = json.get("retryCount").intValue();
        frame.retries = (ObjectNode) json.get("retries");
        frame.data = (ObjectNode) json.get("data");
        frame.timerDue = instant(json, "timerDue");
        frame.token = text(json, "token");
        // Frames written before the flag existed count as submitted: they are restored as they always were.
        frame.submitted = !json.has("submitted") || json.get("submitted").booleanValue();
        frame.taskDeadline = instant(json, "taskDeadline");
        frame.heartbeatDeadline = instant(json, "heartbeatDeadline");
        frame.output = json.get("output") == null || json.get("output").isNull() && !frame.finished()
                ? null : json.get("output");
        frame.error = text(json, "error");
        frame.cause = text(json, "cause");
        frame.variables = new Variables(outer, fields(json.get("variables")));
        return frame;
    }

    /** The members of a JSON object as a map (variables as persisted). */
    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            values.put(entry.getKey(), entry.getValue());
        }
        return values;
    }

    private static void putInstant(ObjectNode json, String field, Instant value) {
        if (value != null) {
            json.put(field, value.toEpochMilli());
        }
    }

    private static Instant instant(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : Instant.ofEpochMilli(value.longValue());
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
