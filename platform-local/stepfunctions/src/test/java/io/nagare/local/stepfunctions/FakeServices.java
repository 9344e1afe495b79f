package io.nagare.local.stepfunctions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.AwsServiceException;

/** Test doubles of the services Task states call, by {@code service:Operation}; every request is kept. */
final class FakeServices implements AwsServiceCalls {

    record Call(String service, String operation, JsonNode request) {
    }

    private final Map<String, Function<JsonNode, CompletionStage<JsonNode>>> handlers = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The execution status change events, kept apart from the calls Task states make. */
    final List<JsonNode> statusEvents = new CopyOnWriteArrayList<>();

    FakeServices answer(String serviceOperation, Function<JsonNode, JsonNode> handler) {
        handlers.put(serviceOperation, request -> CompletableFuture.completedFuture(handler.apply(request)));
        return this;
    }

    FakeServices answerLater(String serviceOperation, Function<JsonNode, CompletionStage<JsonNode>> handler) {
        handlers.put(serviceOperation, handler);
        return this;
    }

    @Override
    public CompletionStage<JsonNode> call(String service, String operation, JsonNode request) {
        JsonNode entry = request.path("Entries").path(0);
        if (service.equals("events") && entry.path("Source").asText().equals("aws.states")) {
            statusEvents.add(entry);
            return CompletableFuture.completedFuture(request);
        }
        calls.add(new Call(service, operation, request));
        Function<JsonNode, CompletionStage<JsonNode>> handler = handlers.get(service + ":" + operation);
        if (handler == null) {
            return CompletableFuture.failedFuture(new AwsServiceException("ResourceNotFoundException",
                    "no fake for " + service + ":" + operation));
        }
        try {
            return handler.apply(request);
        } catch (AwsServiceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
