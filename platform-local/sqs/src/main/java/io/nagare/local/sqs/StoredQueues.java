package io.nagare.local.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.elasticmq.QueueData;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.CreateQueueMetadata$;
import org.elasticmq.persistence.DeadLettersQueue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import scala.Option;
import scala.runtime.BoxesRunTime;
import scala.jdk.javaapi.CollectionConverters;

/**
 * ElasticMQ's queues and messages in the runtime's MVStore ({@code <data-dir>/sqs.mv.db}): queue metadata by name,
 * messages by {@code <queue>/<message id>}, and the injected clock's origin (see {@link ElasticMqClock}). Written by
 * {@link QueueJournal}, read once at start to restore ElasticMQ.
 */
final class StoredQueues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "origin";

    private final MVStore store;
    private final MVMap<String, String> queues;
    private final MVMap<String, String> messages;
    private final MVMap<String, String> clock;

    StoredQueues(MVStore store) {
        this.store = store;
        this.queues = store.openMap("queues");
        this.messages = store.openMap("messages");
        this.clock = store.openMap("clock");
    }

    /** The clock reading recorded when this store was first used; records {@code now} if there is none. */
    Instant clockOrigin(Instant now) {
        String origin = clock.putIfAbsent(ORIGIN, now.toString());
        if (origin == null) {
            store.commit();
            return now;
        }
        return Instant.parse(origin);
    }

    void putQueue(QueueData queue) {
        queues.put(queue.name(), writeQueue(CreateQueueMetadata$.MODULE$.from(queue)));
    }

    void removeQueue(String name) {
        queues.remove(name);
        keys(name).forEach(messages::remove);
    }

    void putMessage(String queue, InternalMessage message) {
        messages.put(prefix(queue) + message.id(), MessageCodec.write(message));
    }

    void removeMessage(String queue, String messageId) {
        messages.remove(prefix(queue) + messageId);
    }

    void commit() {
        store.commit();
    }

    /** The stored queues, each after the queues it names (dead-letter, copy and move targets). */
    List<CreateQueueMetadata> queuesInCreationOrder() {
        List<CreateQueueMetadata> stored = new ArrayList<>();
        queues.values().forEach(json -> stored.add(readQueue(json)));
        return CollectionConverters.asJava(CreateQueueMetadata$.MODULE$.mergePersistedAndBaseQueues(
                CollectionConverters.asScala(stored).toList(), scala.collection.immutable.List$.MODULE$.empty()));
    }

    scala.collection.immutable.List<InternalMessage> messages(String queue) {
        List<InternalMessage> restored = new ArrayList<>();
        keys(queue).forEach(key -> restored.add(MessageCodec.read(messages.get(key))));
        return CollectionConverters.asScala(restored).toList();
    }

    List<String> messageIds(String queue) {
        return keys(queue).stream().map(key -> key.substring(prefix(queue).length())).toList();
    }

    private List<String> keys(String queue) {
        String prefix = prefix(queue);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = messages.keyIterator(prefix); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    private static String prefix(String queue) {
        return queue + "/";
    }

    private static String writeQueue(CreateQueueMetadata queue) {
        ObjectNode json = JSON.createObjectNode();
        json.put("name", queue.name());
        putSeconds(json, "visibilityTimeoutSeconds", queue.defaultVisibilityTimeoutSeconds());
        putSeconds(json, "delaySeconds", queue.delaySeconds());
        putSeconds(json, "receiveMessageWaitSeconds", queue.receiveMessageWaitSeconds());
        json.put("created", queue.created());
        json.put("lastModified", queue.lastModified());
        if (queue.deadLettersQueue().isDefined()) {
            json.putObject("deadLetterQueue").put("name", queue.deadLettersQueue().get().name())
                    .put("maxReceiveCount", queue.deadLettersQueue().get().maxReceiveCount());
        }
        json.put("fifo", queue.isFifo());
        json.put("contentBasedDeduplication", queue.hasContentBasedDeduplication());
        if (queue.copyMessagesTo().isDefined()) {
            json.put("copyMessagesTo", queue.copyMessagesTo().get());
        }
        if (queue.moveMessagesTo().isDefined()) {
            json.put("moveMessagesTo", queue.moveMessagesTo().get());
        }
        ObjectNode tags = json.putObject("tags");
        CollectionConverters.asJava(queue.tags()).forEach(tags::put);
        return json.toString();
    }

    private static CreateQueueMetadata readQueue(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored SQS queue is not valid JSON", e);
        }
        JsonNode dlq = json.path("deadLetterQueue");
        Map<String, String> tags = new LinkedHashMap<>();
        json.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        return new CreateQueueMetadata(json.get("name").asText(), seconds(json, "visibilityTimeoutSeconds"),
                seconds(json, "delaySeconds"), seconds(json, "receiveMessageWaitSeconds"),
                json.get("created").asLong(), json.get("lastModified").asLong(),
                dlq.isObject() ? Option.apply(new DeadLettersQueue(dlq.get("name").asText(),
                        dlq.get("maxReceiveCount").asInt())) : Option.empty(),
                json.get("fifo").asBoolean(), json.get("contentBasedDeduplication").asBoolean(),
                text(json, "copyMessagesTo"), text(json, "moveMessagesTo"),
                scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(tags)));
    }

    private static void putSeconds(ObjectNode json, String field, Option<Object> seconds) {
        if (seconds.isDefined()) {
            json.put(field, BoxesRunTime.unboxToLong(seconds.get()));
        }
    }

    private static Option<Object> seconds(JsonNode json, String field) {
        return json.hasNonNull(field) ? Option.apply(json.get(field).asLong()) : Option.empty();
    }

    private static Option<String> text(JsonNode json, String field) {
        return json.hasNonNull(field) ? Option.apply(json.get(field).asText()) : Option.empty();
    }
}
