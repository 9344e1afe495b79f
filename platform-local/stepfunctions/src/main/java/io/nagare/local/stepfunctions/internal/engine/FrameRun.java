package io.nagare.local.stepfunctions.internal.engine;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.asl.Branch;
import io.nagare.local.stepfunctions.internal.asl.State;
import io.nagare.local.stepfunctions.internal.asl.StateRun;
import io.nagare.local.stepfunctions.internal.asl.TaskRequest;
import io.nagare.local.stepfunctions.internal.asl.Variables;
import io.nagare.local.stepfunctions.internal.json.Json;

/** The engine as one state of one frame sees it while it runs. */
final class FrameRun implements StateRun {

    private final Interpreter interpreter;
    private final Execution execution;
    private final Frame frame;
    private final State state;
    private final Instant now;
    private JsonNode result;
    private JsonNode errorOutput;
    private ObjectNode mapItem;
    private ObjectNode context;

    FrameRun(Interpreter interpreter, Execution execution, Frame frame, State state, Instant now) {
        this.interpreter = interpreter;
        this.execution = execution;
        this.frame = frame;
        this.state = state;
        this.now = now;
    }

    @Override
    public Variables variables() {
        return frame.variables;
    }

    @Override
    public JsonNode contextObject() {
        if (context == null) {
            ObjectNode built = Json.object();
            built.set("Execution", execution.contextExecution());
            ObjectNode stateNode = Json.object();
            stateNode.put("EnteredTime", Execution.CONTEXT_TIME.format(frame.enteredTime == null ? now : frame.enteredTime));
            stateNode.put("Name", frame.state);
            stateNode.put("RetryCount", frame.retryCount);
            built.set("State", stateNode);
            built.set("StateMachine", execution.contextStateMachine());
            if (frame.token != null) {
                ObjectNode task = Json.object();
                task.put("Token", frame.token);
                built.set("Task", task);
            }
            context = built;
        }
        if (mapItem != null) {
            ObjectNode withItem = Json.shallowCopy(context);
            ObjectNode map = Json.object();
            map.set("Item", mapItem);
            withItem.set("Map", map);
            return withItem;
        }
        return context;
    }

    @Override
    public JsonNode statesInput() {
        return frame.input;
    }

    @Override
    public JsonNode statesResult() {
        return result;
    }

    @Override
    public JsonNode statesErrorOutput() {
        return errorOutput;
    }

    @Override
    public String stateName() {
        return frame.state;
    }

    @Override
    public JsonNode rawInput() {
        return frame.input;
    }

    @Override
    public int retryCount() {
        return frame.retryCount;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ObjectNode stateData() {
        return frame.data;
    }

    @Override
    public void result(JsonNode value) {
        this.result = value;
    }

    @Override
    public void errorOutput(JsonNode value) {
        this.errorOutput = value;
    }

    @Override
    public void record(String eventType, String detailsField, ObjectNode details) {
        execution.record(frame, now, eventType, detailsField, details);
    }

    @Override
    public void schedule(Instant due) {
        interpreter.scheduleStateTimer(execution, frame, due);
    }

    @Override
    public JsonNode invokeTask(TaskRequest request) {
        return interpreter.tasks().invoke(execution, frame, state, request, now);
    }

    @Override
    public void startChild(int index, Branch branch, JsonNode input, boolean isolated) {
        interpreter.startChild(execution, frame, index, branch, input, isolated);
    }

    @Override
    public JsonNode childOutput(int index) {
        Frame child = execution.frames.get(frame.childId(index));
        return child == null || child.output == null ? Json.NODES.nullNode() : child.output;
    }

    @Override
    public void abortChildren() {
        interpreter.abortChildren(execution, frame, now);
    }

    @Override
    public void mapItem(ObjectNode item) {
        this.mapItem = item;
    }
}
