package io.nagare.local.stepfunctions.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.stepfunctions.internal.engine.ExecutionEngine;
import io.nagare.local.stepfunctions.internal.json.Json;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/** SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: callbacks to tasks waiting on a token. */
final class TaskTokenOperations {

    private final ExecutionEngine engine;
    private final StepFunctionsStore store;

    TaskTokenOperations(ExecutionEngine engine, StepFunctionsStore store) {
        this.engine = engine;
        this.store = store;
    }

    JsonNode success(ObjectNode input) {
        String token = token(input);
        String output = Requests.required(input, "output");
        Requests.validPayload(output, "InvalidOutput", "Invalid Output");
        JsonNode parsed;
        try {
            parsed = Json.parse(output);
        } catch (IllegalArgumentException e) {
            throw new AwsServiceException("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
        }
        engine.sendTaskSuccess(token, parsed);
        store.awaitDurable();
        return Json.object();
    }

    JsonNode failure(ObjectNode input) {
        String token = token(input);
        String error = Requests.maxLength("error", Requests.optional(input, "error"), 256);
        String cause = Requests.maxLength("cause", Requests.optional(input, "cause"), 32768);
        engine.sendTaskFailure(token, error, cause);
        store.awaitDurable();
        return Json.object();
    }

    JsonNode heartbeat(ObjectNode input) {
        engine.sendTaskHeartbeat(token(input));
        return Json.object();
    }

    private static String token(ObjectNode input) {
        return Requests.maxLength("taskToken", Requests.required(input, "taskToken"), 2048);
    }
}
