package io.nagare.sagas.orderfulfilment;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.testing.SagaRun;

/** The Lambda calls a run made, read from its history (TaskScheduled events): one entry per attempt, in order. */
record TaskCalls(List<Call> calls) {

    /** One attempt: the function's name (from its ARN) and the payload it was given. */
    record Call(String function, JsonNode payload) {
    }

    static TaskCalls of(SagaRun run) {
        List<Call> calls = new ArrayList<>();
        for (JsonNode event : run.history()) {
            JsonNode details = event.path("taskScheduledEventDetails");
            if (event.path("type").asText().equals("TaskScheduled") && details.path("resourceType").asText().equals("lambda")) {
                JsonNode parameters = StandInServices.parse(details.path("parameters").asText());
                String arn = parameters.path("FunctionName").asText();
                calls.add(new Call(arn.substring(arn.lastIndexOf(':') + 1), parameters.path("Payload")));
            }
        }
        return new TaskCalls(List.copyOf(calls));
    }

    /** The functions called, one entry per attempt. */
    List<String> functions() {
        return calls.stream().map(Call::function).toList();
    }

    /** The payload of the last call to {@code function}. */
    JsonNode payloadOf(String function) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).function().equals(function)) {
                return calls.get(i).payload();
            }
        }
        throw new AssertionError(function + " was not called; calls: " + functions());
    }
}
