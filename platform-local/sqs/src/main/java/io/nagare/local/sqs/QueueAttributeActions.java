package io.nagare.local.sqs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;

/**
 * The actions whose queue attributes ElasticMQ drops ({@link QueueSettings}): checked and recorded around
 * ElasticMQ's own answer, which never sees them. Sends are checked against the queue's MaximumMessageSize; a
 * RedrivePolicy against its dead-letter queue's RedriveAllowPolicy.
 */
final class QueueAttributeActions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueueSettings settings;
    private final QueueActors actors;
    private final ElasticMqClock queueClock;
    private final Receiving receiving;
    private final Function<LocalRequest, LocalResponse> elasticMq;
    private final String arnPrefix;

    QueueAttributeActions(QueueSettings settings, QueueActors actors, ElasticMqClock queueClock, Receiving receiving,
                          Function<LocalRequest, LocalResponse> elasticMq, String region, String accountId) {
        this.settings = settings;
        this.actors = actors;
        this.queueClock = queueClock;
        this.receiving = receiving;
        this.elasticMq = elasticMq;
        this.arnPrefix = "arn:aws:sqs:" + region + ":" + accountId + ":";
    }

    LocalResponse createQueue(SqsCall call) {
        String queue = call.queueName();
        Map<String, String> wanted;
        try {
            wanted = QueueSettings.validate(call.attributes());
        } catch (QueueSettings.Invalid e) {
            return call.error(e.code, e.getMessage());
        }
        Optional<LocalResponse> refused = redriveRefused(call, queue);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean existed = queue != null && actors.lookup(queue).isPresent();
        if (existed) {
            Optional<String> differing = settings.differing(queue, wanted);
            if (differing.isPresent()) {
                return call.isJson()
                        ? call.error("QueueNameExists", alreadyExists(differing.get()))
                        .withHeader("X-Amzn-Query-Error", "QueueAlreadyExists;Sender")
                        : call.error("QueueAlreadyExists", alreadyExists(differing.get()));
            }
        }
        LocalResponse response = elasticMq.apply(call.withoutAttributes(QueueSettings.NAMES));
        if (response.status() == 200 && !existed && queue != null) {
            settings.created(queue, wanted);
        }
        return response;
    }

    LocalResponse setQueueAttributes(SqsCall call) {
        Map<String, String> changed;
        try {
            changed = QueueSettings.validate(call.attributes());
        } catch (QueueSettings.Invalid e) {
            return call.error(e.code, e.getMessage());
        }
        String queue = call.queueName();
        Optional<LocalResponse> refused = redriveRefused(call, queue);
        if (refused.isPresent()) {
            return refused.get();
        }
        LocalResponse response = elasticMq.apply(call.withoutAttributes(QueueSettings.NAMES));
        if (response.status() == 200 && queue != null) {
            settings.updated(queue, changed);
        }
        return response;
    }

    LocalResponse getQueueAttributes(SqsCall call) {
        LocalResponse response = elasticMq.apply(call.request());
        String queue = call.queueName();
        if (response.status() != 200 || queue == null) {
            return response;
        }
        List<String> names = call.attributeNames();
        Map<String, String> more = new LinkedHashMap<>();
        settings.of(queue).forEach((name, value) -> {
            if (names.contains("All") || names.contains(name)) {
                more.put(name, value);
            }
        });
        return call.withAttributes(response, more);
    }

    LocalResponse deleteQueue(SqsCall call) {
        LocalResponse response = elasticMq.apply(call.request());
        if (response.status() == 200 && call.queueName() != null) {
            settings.deleted(call.queueName());
        }
        return response;
    }

    /** SendMessage and SendMessageBatch: the queue's maximum size, FIFO deduplication on the clock, long polls woken. */
    LocalResponse send(SqsCall call) {
        String queue = call.queueName();
        if (queue == null) {
            return elasticMq.apply(call.request());
        }
        int maximum = settings.maximumMessageSize(queue);
        for (Map.Entry<String, Integer> message : call.messageSizes().entrySet()) {
            if (message.getValue() > maximum) {
                String entry = message.getKey().isEmpty() ? "" : " (batch entry " + message.getKey() + ")";
                return call.error("InvalidParameterValue", "One or more parameters are invalid. Reason: Message"
                        + entry + " must be shorter than " + maximum + " bytes.");
            }
        }
        queueClock.sync();
        if (queue.endsWith(".fifo")) {
            actors.lookup(queue).ifPresent(actors::forgetExpiredDeduplicationIds);
        }
        LocalResponse response = elasticMq.apply(call.request());
        if (response.status() == 200) {
            receiving.sent(queue);
        }
        return response;
    }

    /** ChangeMessageVisibility(Batch): a message made visible again wakes waiting receives. */
    LocalResponse changeVisibility(SqsCall call) {
        LocalResponse response = elasticMq.apply(call.request());
        if (response.status() == 200 && call.queueName() != null) {
            receiving.sent(call.queueName());
        }
        return response;
    }

    private Optional<LocalResponse> redriveRefused(SqsCall call, String queue) {
        String policy = call.attributes().get("RedrivePolicy");
        if (policy == null || policy.isEmpty() || queue == null) {
            return Optional.empty();
        }
        String target;
        try {
            JsonNode json = JSON.readTree(policy);
            target = json == null ? "" : json.path("deadLetterTargetArn").asText("");
        } catch (IOException e) {
            // ElasticMQ answers a malformed policy.
            return Optional.empty();
        }
        String deadLetterQueue = target.substring(target.lastIndexOf(':') + 1);
        String source = arnPrefix + queue;
        if (deadLetterQueue.isEmpty() || settings.allowsSource(deadLetterQueue, source)) {
            return Optional.empty();
        }
        return Optional.of(call.error("InvalidParameterValue", "Value " + policy + " for parameter RedrivePolicy"
                + " is invalid. Reason: Queue " + target + " does not allow " + source
                + " as a dead-letter source queue (its RedriveAllowPolicy)."));
    }

    private static String alreadyExists(String attribute) {
        return "A queue already exists with the same name and a different value for attribute " + attribute;
    }
}
