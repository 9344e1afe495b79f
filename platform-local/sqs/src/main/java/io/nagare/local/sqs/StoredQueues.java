package io.nagare.local.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * each queue's messages in a map of its own ({@code messages/<queue>}) keyed by a sequence number given in send
 * order, and the injected clock's origin (see {@link ElasticMqClock}). Written by {@link QueueJournal}, read once at
 * start to restore ElasticMQ.
 *
 * <p>Why sequence keys: keyed by message id (random UUIDs), every send landed in a different B-tree leaf, so each
 * group commit rewrote one page per message and the file grew by gigabytes during a benchmark. In send order, new
 * messages fill the last leaf and consumed ones empty the first, so a commit rewrites a few pages. The message id to
 * sequence index lives in memory (rebuilt at start). Compaction every {@value #COMMITS_PER_COMPACTION} commits
 * rewrites the live pages of mostly-dead chunks, as the store has no background writer to do it.
 */
final class StoredQueues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "origin";
    private static final String MESSAGES = "messages/";
    /** Where messages were kept by {@code <queue>/<message id>} before; moved to the sequence maps at start. */
    private static final String LEGACY_MESSAGES = "messages";
    private static final int RETENTION_MILLIS = 10_000;
    private static final int COMMITS_PER_COMPACTION = 500;
    private static final int COMPACT_FILL_RATE = 50;
    private static final int COMPACT_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final MVMap<String, String> queues;
    private final MVMap<String, String> clock;
    private final Map<String, MVMap<Long, String>> messageMaps = new ConcurrentHashMap<>();
    /** Per queue: message id to its sequence key. */
    private final Map<String, Map<String, Long>> sequences = new ConcurrentHashMap<>();
    private final AtomicLong lastSequence = new AtomicLong();
    private int commitsSinceCompaction;

    StoredQueues(MVStore store) {
        this.store = store;
        store.setRetentionTime(RETENTION_MILLIS);
        this.queues = store.openMap("queues");
        this.clock = store.openMap("clock");
        for (String name : store.getMapNames()) {
            if (name.startsWith(MESSAGES)) {
                String queue = name.substring(MESSAGES.length());
                MVMap<Long, String> messages = messageMap(queue);
                Map<String, Long> index = index(queue);
                messages.forEach((sequence, json) -> {
                    index.put(MessageCodec.id(json), sequence);
                    lastSequence.accumulateAndGet(sequence, Math::max);
                });
            }
        }
        if (store.hasMap(LEGACY_MESSAGES)) {
            MVMap<String, String> legacy = store.openMap(LEGACY_MESSAGES);
            legacy.forEach((key, json) -> put(key.substring(0, key.lastIndexOf('/')), MessageCodec.id(json), json));
            store.removeMap(legacy);
            store.commit();
        }
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
        sequences.remove(name);
        MVMap<Long, String> messages = messageMaps.remove(name);
        if (messages != null) {
            store.removeMap(messages);
        } else if (store.hasMap(MESSAGES + name)) {
            store.removeMap(MESSAGES + name);
        }
    }

    void putMessage(String queue, InternalMessage message) {
        put(queue, message.id(), MessageCodec.write(message));
    }

    void removeMessage(String queue, String messageId) {
        Map<String, Long> index = sequences.get(queue);
        Long sequence = index == null ? null : index.remove(messageId);
        if (sequence != null) {
            messageMap(queue).remove(sequence);
        }
    }

    void commit() {
        store.commit();
        if (++commitsSinceCompaction >= COMMITS_PER_COMPACTION) {
            commitsSinceCompaction = 0;
            if (store.compact(COMPACT_FILL_RATE, COMPACT_BYTES)) {
                store.commit();
            }
        }
    }

    /** The stored queues, each after the queues it names (dead-letter, copy and move targets). */
    List<CreateQueueMetadata> queuesInCreationOrder() {
        List<CreateQueueMetadata> stored = new ArrayList<>();
        queues.values().forEach(json -> stored.add(readQueue(json)));
        return CollectionConverters.asJava(CreateQueueMetadata$.MODULE$.mergePersistedAndBaseQueues(
                CollectionConverters.asScala(stored).toList(), scala.collection.immutable.List$.MODULE$.empty()));
    }

    /** A queue's messages, in send order. */
    scala.collection.immutable.List<InternalMessage> messages(String queue) {
        List<InternalMessage> restored = new ArrayList<>();
        messageMap(queue).values().forEach(json -> restored.add(MessageCodec.read(json)));
        return CollectionConverters.asScala(restored).toList();
    }

    /** The sequence of the last message journalled so far, in any queue. */
    long lastSequence() {
        return lastSequence.get();
    }

    /**
     * Forgets the queue's messages journalled up to {@code sequence} (a purge). The queue's map is dropped whole and
     * the few later messages put back: removing a large queue's entries one by one held the journal, and every send
     * waiting on it, for tens of seconds.
     */
    void removeMessagesUpTo(String queue, long sequence) {
        Map<String, Long> index = sequences.get(queue);
        if (index == null) {
            return;
        }
        MVMap<Long, String> messages = messageMap(queue);
        Map<Long, String> kept = new LinkedHashMap<>();
        for (Iterator<Long> later = messages.keyIterator(sequence + 1); later.hasNext(); ) {
            Long key = later.next();
            kept.put(key, messages.get(key));
        }
        messageMaps.remove(queue);
        store.removeMap(messages);
        messageMap(queue).putAll(kept);
        index.entrySet().removeIf(entry -> entry.getValue() <= sequence);
    }

    private void put(String queue, String messageId, String json) {
        long sequence = index(queue).computeIfAbsent(messageId, id -> lastSequence.incrementAndGet());
        messageMap(queue).put(sequence, json);
    }

    private MVMap<Long, String> messageMap(String queue) {
        return messageMaps.computeIfAbsent(queue, q -> store.openMap(MESSAGES + q));
    }

    private Map<String, Long> index(String queue) {
        return sequences.computeIfAbsent(queue, q -> new ConcurrentHashMap<>());
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
