package io.nagare.local.lambda;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.platform.model.FunctionDeclaration.AsyncDestination;

/**
 * Sends an asynchronous invocation's record to its on-success or on-failure destination, as Lambda does: to a queue
 * the record is the message body (through the runtime's SQS, as {@link DeadLetters} sends); to an event bus it is
 * the {@code detail} of an event from source {@code lambda}, detail-type "Lambda Function Invocation Result -
 * Success" or "- Failure", resources the bus and the function's {@code :$LATEST} ARN, put with EventBridge's
 * PutEvents in-process in its wire protocol so rules see it as any other event.
 */
final class AsyncDestinations {

    private final RuntimeContext context;
    private final Arns arns;

    AsyncDestinations(RuntimeContext context, Arns arns) {
        this.context = context;
        this.arns = arns;
    }

    /** The ARN a destination has on AWS, as GetFunctionEventInvokeConfig shows it. */
    static String arn(Arns arns, AsyncDestination destination) {
        return switch (destination.kind()) {
            case QUEUE -> arns.queue(destination.name());
            case BUS -> busArn(arns, destination.name());
            case TOPIC -> "arn:aws:sns:" + arns.region() + ":" + arns.accountId() + ":" + destination.name();
            case FUNCTION -> arns.function(destination.name());
        };
    }

    DeadLetters.Outcome send(DeployedFunction function, AsyncDestination destination, boolean success,
                             JsonNode record) {
        return switch (destination.kind()) {
            case QUEUE -> toQueue(function, destination.name(), record);
            case BUS -> toBus(function, destination.name(), success, record);
            case TOPIC, FUNCTION -> dropped(function, record, destination + " is not supported as a destination"
                    + " (the model validator refuses it)");
        };
    }

    private DeadLetters.Outcome toQueue(DeployedFunction function, String queue, JsonNode record) {
        Optional<EventTargetInvoker.Sqs> sqs = context.service(EventTargetInvoker.Sqs.class);
        if (sqs.isEmpty()) {
            return dropped(function, record, "no local SQS service delivers to queue " + queue);
        }
        try {
            sqs.get().invoke(new EventTargetRequest(arns.queue(queue), Jsons.text(record), null, Map.of(), null));
            return DeadLetters.Outcome.SENT;
        } catch (EventTargetException e) {
            return e.retryable() ? DeadLetters.Outcome.RETRY
                    : dropped(function, record, "queue " + queue + " refused it: " + e.getMessage());
        }
    }

    private DeadLetters.Outcome toBus(DeployedFunction function, String bus, boolean success, JsonNode record) {
        if (!context.started()) {
            return DeadLetters.Outcome.RETRY;
        }
        ObjectNode request = Jsons.MAPPER.createObjectNode();
        ObjectNode entry = request.putArray("Entries").addObject();
        entry.put("Source", "lambda");
        entry.put("DetailType", "Lambda Function Invocation Result - " + (success ? "Success" : "Failure"));
        entry.put("Detail", Jsons.text(record));
        entry.put("EventBusName", busArn(arns, bus));
        entry.putArray("Resources").add(busArn(arns, bus)).add(function.arn() + ":" + DeployedFunction.VERSION);
        LocalResponse response;
        try {
            response = context.call(new LocalRequest("POST", "/", Map.of(), Map.of(
                    "Host", "localhost",
                    "Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "AWSEvents.PutEvents"), Jsons.bytes(request)));
        } catch (RuntimeException e) {
            return DeadLetters.Outcome.RETRY;
        }
        JsonNode answer;
        try {
            answer = Jsons.parse(response.body());
        } catch (IOException e) {
            answer = Jsons.MAPPER.createObjectNode();
        }
        if (response.status() >= 500) {
            return DeadLetters.Outcome.RETRY;
        }
        if (response.status() != 200) {
            return dropped(function, record, "EventBridge refused PutEvents to bus " + bus + " (HTTP "
                    + response.status() + "): " + answer.path("__type").asText("") + " "
                    + answer.path("message").asText(answer.path("Message").asText("")));
        }
        JsonNode result = answer.path("Entries").path(0);
        if (answer.path("FailedEntryCount").asInt() == 0) {
            return DeadLetters.Outcome.SENT;
        }
        String code = result.path("ErrorCode").asText("");
        if (code.equals("InternalFailure") || code.equals("ThrottlingException")) {
            return DeadLetters.Outcome.RETRY;
        }
        return dropped(function, record, "bus " + bus + " refused it: " + code + ": "
                + result.path("ErrorMessage").asText(""));
    }

    private static String busArn(Arns arns, String bus) {
        return "arn:aws:events:" + arns.region() + ":" + arns.accountId() + ":event-bus/" + bus;
    }

    private static DeadLetters.Outcome dropped(DeployedFunction function, JsonNode record, String why) {
        System.err.println("nagare: lambda: dropped the invocation record of asynchronous invocation "
                + record.path("requestContext").path("requestId").asText() + " of " + function.name() + ": " + why);
        return DeadLetters.Outcome.DROPPED;
    }
}
