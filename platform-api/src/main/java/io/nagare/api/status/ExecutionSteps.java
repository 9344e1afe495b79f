package io.nagare.api.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Folds an execution's history into the steps an operator reads: each state entered, in order, with when it was
 * entered and exited, its input and output, its task attempts and their failures. A step whose last attempt failed
 * but which was exited all the same had its error caught (status {@code CAUGHT}); in a saga that is where it turns
 * to compensating, so every later step is marked {@code compensation: true}.
 */
final class ExecutionSteps {

    private final ObjectMapper mapper;
    private final List<Step> steps = new ArrayList<>();
    private boolean compensating;

    ExecutionSteps(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void add(HistoryEvent event) {
        String type = event.typeAsString();
        Instant at = event.timestamp();
        if (type.endsWith("StateEntered") && event.stateEnteredEventDetails() != null) {
            steps.add(new Step(event.stateEnteredEventDetails().name(),
                    type.substring(0, type.length() - "StateEntered".length()), at,
                    event.stateEnteredEventDetails().input(), compensating));
            return;
        }
        Step current = current();
        if (current == null) {
            return;
        }
        if (type.endsWith("StateExited") && event.stateExitedEventDetails() != null) {
            Step exited = open(event.stateExitedEventDetails().name());
            if (exited != null) {
                exited.exitedAt = at;
                exited.output = event.stateExitedEventDetails().output();
                if (exited.lastAttemptFailed) {
                    compensating = true;
                }
            }
            return;
        }
        switch (type) {
            case "TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled" -> {
                current.attempts++;
                current.lastAttemptFailed = false;
            }
            case "TaskFailed" -> current.fail(at, event.taskFailedEventDetails().error(),
                    event.taskFailedEventDetails().cause());
            case "TaskTimedOut" -> current.fail(at, event.taskTimedOutEventDetails().error(),
                    event.taskTimedOutEventDetails().cause());
            case "TaskStartFailed" -> current.fail(at, event.taskStartFailedEventDetails().error(),
                    event.taskStartFailedEventDetails().cause());
            case "TaskSubmitFailed" -> current.fail(at, event.taskSubmitFailedEventDetails().error(),
                    event.taskSubmitFailedEventDetails().cause());
            case "LambdaFunctionFailed" -> current.fail(at, event.lambdaFunctionFailedEventDetails().error(),
                    event.lambdaFunctionFailedEventDetails().cause());
            case "LambdaFunctionTimedOut" -> current.fail(at, event.lambdaFunctionTimedOutEventDetails().error(),
                    event.lambdaFunctionTimedOutEventDetails().cause());
            case "LambdaFunctionStartFailed" -> current.fail(at,
                    event.lambdaFunctionStartFailedEventDetails().error(),
                    event.lambdaFunctionStartFailedEventDetails().cause());
            case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted" -> current.ended = true;
            default -> {
                // Other events (task started, succeeded, submitted, ...) add nothing an operator reads here.
            }
        }
    }

    ArrayNode toJson() {
        ArrayNode json = mapper.createArrayNode();
        for (Step step : steps) {
            ObjectNode item = json.addObject().put("name", step.name).put("type", step.type)
                    .put("enteredAt", step.enteredAt.toString());
            if (step.exitedAt != null) {
                item.put("exitedAt", step.exitedAt.toString());
            }
            item.put("status", step.status());
            item.set("input", parse(step.input));
            if (step.exitedAt != null) {
                item.set("output", parse(step.output));
            }
            if (step.attempts > 0) {
                item.put("attempts", step.attempts).put("retries", Math.max(0, step.attempts - 1));
            }
            if (!step.failures.isEmpty()) {
                item.set("failures", step.failures);
            }
            item.put("compensation", step.compensation);
        }
        return json;
    }

    /** The step events belong to: the latest entered that is not exited. */
    private Step current() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).exitedAt == null) {
                return steps.get(i);
            }
        }
        return null;
    }

    private Step open(String name) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (step.exitedAt == null && step.name.equals(name)) {
                return step;
            }
        }
        return null;
    }

    /** State input and output are JSON text; shown as JSON, or as the text when it is not JSON. */
    private JsonNode parse(String text) {
        if (text == null) {
            return mapper.nullNode();
        }
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }

    private final class Step {
        private final String name;
        private final String type;
        private final Instant enteredAt;
        private final String input;
        private final boolean compensation;
        private final ArrayNode failures = mapper.createArrayNode();
        private Instant exitedAt;
        private String output;
        private int attempts;
        private boolean lastAttemptFailed;
        private boolean ended;

        Step(String name, String type, Instant enteredAt, String input, boolean compensation) {
            this.name = name;
            this.type = type;
            this.enteredAt = enteredAt;
            this.input = input;
            this.compensation = compensation;
        }

        void fail(Instant at, String error, String cause) {
            ObjectNode failure = failures.addObject().put("at", at.toString()).put("error", error);
            failure.put("cause", cause);
            lastAttemptFailed = true;
        }

        String status() {
            if (exitedAt == null) {
                return ended || lastAttemptFailed ? "FAILED" : "RUNNING";
            }
            return lastAttemptFailed ? "CAUGHT" : "SUCCEEDED";
        }
    }
}
