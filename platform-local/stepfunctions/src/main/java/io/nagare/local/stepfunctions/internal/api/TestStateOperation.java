package io.nagare.local.stepfunctions.internal.api;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.internal.asl.Branch;
import io.nagare.local.stepfunctions.internal.asl.Catcher;
import io.nagare.local.stepfunctions.internal.asl.Outcome;
import io.nagare.local.stepfunctions.internal.asl.Signal;
import io.nagare.local.stepfunctions.internal.asl.State;
import io.nagare.local.stepfunctions.internal.asl.StateRun;
import io.nagare.local.stepfunctions.internal.asl.StatesError;
import io.nagare.local.stepfunctions.internal.asl.TaskRequest;
import io.nagare.local.stepfunctions.internal.asl.Variables;
import io.nagare.local.stepfunctions.internal.integration.TaskIntegrations;
import io.nagare.local.stepfunctions.internal.integration.TaskInvocation;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * TestState: runs one state on an input, outside any execution, and reports its output or error, the next state
 * and whether a Retry or Catch would handle the error (without retrying or waiting). Task states call their service,
 * or answer the {@code mock} of the request. Map and Parallel states are not supported here.
 */
final class TestStateOperation {

    private static final String TESTED = "TestState";
    private static final long TASK_LIMIT_SECONDS = 300;

    private final TaskIntegrations integrations;
    private final LocalClock clock;

    TestStateOperation(TaskIntegrations integrations, LocalClock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    JsonNode test(ObjectNode input) {
        String definition = Requests.required(input, "definition");
        String level = input.hasNonNull("inspectionLevel") ? Requests.required(input, "inspectionLevel") : "INFO";
        JsonNode stateInput = parse(input.hasNonNull("input") ? Requests.required(input, "input") : "{}", "input");
        JsonNode variables = parse(input.hasNonNull("variables") ? Requests.required(input, "variables") : "{}",
                "variables");
        JsonNode stateJson = parse(definition, "definition");
        if (!stateJson.isObject() || !stateJson.path("Type").isTextual()) {
            throw new AwsServiceException("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED:"
                    + " the definition must be one state, an object with a \"Type\"'");
        }
        String type = stateJson.get("Type").textValue();
        if (type.equals("Map") || type.equals("Parallel")) {
            throw new AwsServiceException("ValidationException", "not supported: TestState of " + type + " states");
        }
        State state = compile((ObjectNode) stateJson).state(TESTED);
        TestRun run = new TestRun(stateInput, new Variables(null, fields(variables)), clock.now(), input.get("mock"));
        ObjectNode out = Json.object();
        try {
            Outcome outcome = state.run(run);
            while (outcome instanceof Outcome.Suspended) {
                outcome = state.resume(run, run.pending);
            }
            Outcome.Done done = (Outcome.Done) outcome;
            run.variables().assign(done.assignments());
            out.put("output", Json.write(done.output()));
            if (done.next() != null) {
                out.put("nextState", done.next());
            }
            out.put("status", "SUCCEEDED");
        } catch (StatesError error) {
            error.at(state.name(), 0);
            putIfPresent(out, "error", error.error());
            putIfPresent(out, "cause", error.cause());
            if (!error.terminal() && state.retrierFor(error.error()) >= 0
                    && state.retriers().get(state.retrierFor(error.error())).allows(0)) {
                out.put("status", "RETRIABLE");
            } else {
                Catcher catcher = error.terminal() ? null : state.catcherFor(error.error());
                if (catcher != null) {
                    ObjectNode errorOutput = Json.object();
                    errorOutput.put("Error", error.error() == null ? "" : error.error());
                    errorOutput.put("Cause", error.cause() == null ? "" : error.cause());
                    out.put("output", Json.write(catcher.output(stateInput, errorOutput, run)));
                    run.variables().assign(catcher.assignments(errorOutput, run));
                    out.put("nextState", catcher.next());
                    out.put("status", "CAUGHT_ERROR");
                } else {
                    out.put("status", "FAILED");
                }
            }
        }
        if (!level.equals("INFO")) {
            ObjectNode inspection = Json.object();
            inspection.put("input", Json.write(stateInput));
            if (run.result != null) {
                inspection.put("result", Json.write(run.result));
            }
            ObjectNode assigned = Json.object();
            run.variables().own().forEach(assigned::set);
            inspection.put("variables", Json.write(assigned));
            out.set("inspectionData", inspection);
        }
        return out;
    }

    /** The state inside a machine of its own, every state it names being a Succeed state. */
    private static Branch compile(ObjectNode state) {
        Set<String> targets = new LinkedHashSet<>();
        addTarget(targets, state.get("Next"));
        addTarget(targets, state.get("Default"));
        for (JsonNode choice : state.path("Choices")) {
            addTarget(targets, choice.get("Next"));
        }
        for (JsonNode catcher : state.path("Catch")) {
            addTarget(targets, catcher.get("Next"));
        }
        ObjectNode states = Json.object();
        states.set(TESTED, state);
        for (String target : targets) {
            if (!target.equals(TESTED)) {
                states.putObject(target).put("Type", "Succeed");
            }
        }
        ObjectNode machine = Json.object();
        machine.put("StartAt", TESTED);
        machine.set("States", states);
        return StateMachineOperations.compile(Json.write(machine)).root();
    }

    private static void addTarget(Set<String> targets, JsonNode name) {
        if (name != null && name.isTextual()) {
            targets.add(name.textValue());
        }
    }

    private static JsonNode parse(String text, String member) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AwsServiceException(member.equals("definition") ? "InvalidDefinition" : "ValidationException",
                    "Invalid " + member + ": '" + e.getMessage() + "'");
        }
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        object.properties().forEach(field -> values.put(field.getKey(), field.getValue()));
        return values;
    }

    private static void putIfPresent(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }

    /** The state's view of a test: no history, no waiting, tasks answered by the mock or called at once. */
    private final class TestRun implements StateRun {
        private final JsonNode input;
        private final Variables variables;
        private final Instant now;
        private final JsonNode mock;
        private final ObjectNode data = Json.object();
        private JsonNode result;
        private JsonNode errorOutput;
        private ObjectNode mapItem;
        private Signal pending;

        TestRun(JsonNode input, Variables variables, Instant now, JsonNode mock) {
            this.input = input;
            this.variables = variables;
            this.now = now;
            this.mock = mock;
        }

        @Override
        public Variables variables() {
            return variables;
        }

        @Override
        public JsonNode contextObject() {
            ObjectNode context = Json.object();
            ObjectNode stateNode = context.putObject("State");
            stateNode.put("Name", TESTED);
            stateNode.put("EnteredTime", now.toString());
            stateNode.put("RetryCount", 0);
            if (mapItem != null) {
                context.putObject("Map").set("Item", mapItem);
            }
            return context;
        }

        @Override
        public JsonNode statesInput() {
            return input;
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
            return TESTED;
        }

        @Override
        public JsonNode rawInput() {
            return input;
        }

        @Override
        public int retryCount() {
            return 0;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public ObjectNode stateData() {
            return data;
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
        }

        @Override
        public void schedule(Instant due) {
            pending = Signal.timer();
        }

        @Override
        public JsonNode invokeTask(TaskRequest request) {
            if (mock != null && mock.isObject()) {
                if (mock.hasNonNull("errorOutput")) {
                    JsonNode error = mock.get("errorOutput");
                    throw new StatesError(error.path("error").asText(null), error.path("cause").asText(null));
                }
                result = mock.hasNonNull("result") ? parse(mock.get("result").asText(), "mock.result")
                        : Json.NODES.nullNode();
                return result;
            }
            try {
                result = integrations.forResource(request.resource()).invoke(new TaskInvocation(request.resource(),
                        request.parameters(), null, null, submitted -> { }))
                        .toCompletableFuture().get(TASK_LIMIT_SECONDS, TimeUnit.SECONDS);
                return result;
            } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                if (e.getCause() instanceof StatesError error) {
                    throw error;
                }
                throw new StatesError(StatesError.TASK_FAILED, String.valueOf(e.getCause()));
            } catch (TimeoutException e) {
                throw new StatesError(StatesError.TIMEOUT, "the task did not answer within " + TASK_LIMIT_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StatesError(StatesError.TASK_FAILED, "interrupted");
            }
        }

        @Override
        public void startChild(int index, Branch branch, JsonNode childInput, boolean isolated) {
            throw new IllegalStateException("TestState runs no child branches");
        }

        @Override
        public JsonNode childOutput(int index) {
            throw new IllegalStateException("TestState runs no child branches");
        }

        @Override
        public void abortChildren() {
        }

        @Override
        public void mapItem(ObjectNode item) {
            this.mapItem = item;
        }
    }
}
