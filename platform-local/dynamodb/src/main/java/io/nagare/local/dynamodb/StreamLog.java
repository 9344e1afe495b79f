package io.nagare.local.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.ItemSize;
import io.nagare.local.runtime.LocalClock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;

/**
 * A table's DynamoDB stream: one shard per stream label, its records (as GetRecords returns them) in a durable map
 * by sequence. Records are written under the item's lock, so an item's changes are in order; they are kept 24 hours.
 */
final class StreamLog implements Table.WriteListener {

    static final Duration RETENTION = Duration.ofHours(24);
    /** The key under which a stream's map keeps its trim horizon; records start at 1. */
    static final long HORIZON = 0L;
    private static final int TRIM_EVERY = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TableCatalog catalog;
    private final Database database;
    private final LocalClock clock;
    private final Map<String, MVMap<Long, byte[]>> streams = new java.util.concurrent.ConcurrentHashMap<>();

    StreamLog(TableCatalog catalog, Database database) {
        this.catalog = catalog;
        this.database = database;
        this.clock = database.runtime().clock();
    }

    @Override
    public void written(Table table, Map<String, AttributeValue> old, Map<String, AttributeValue> item,
                        Table.WriteCause cause) {
        TableDefinition definition = table.definition();
        if (!definition.streamEnabled() || (old != null && old.equals(item))) {
            return;
        }
        MVMap<Long, byte[]> records = records(definition.id(), definition.streamLabel());
        synchronized (records) {
            long sequence = nextSequence(records);
            records.put(sequence, bytes(record(definition, old, item, cause, sequence)));
            if (sequence % TRIM_EVERY == 0) {
                // Readers trim too, but a stream nobody reads must not keep growing past 24 hours of records.
                trim(records);
            }
        }
    }

    private ObjectNode record(TableDefinition definition, Map<String, AttributeValue> old,
                              Map<String, AttributeValue> item, Table.WriteCause cause, long sequence) {
        String viewType = definition.streamViewType();
        Map<String, AttributeValue> any = item != null ? item : old;
        ObjectNode record = Database.NODES.objectNode();
        record.put("eventID", UUID.nameUUIDFromBytes((definition.id() + ":" + definition.streamLabel() + ":" + sequence)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", ""));
        record.put("eventName", old == null ? "INSERT" : item == null ? "REMOVE" : "MODIFY");
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", database.runtime().region());
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", clock.now().getEpochSecond());
        dynamodb.set("Keys", AttributeValueJson.writeItem(definition.key().keyOf(any)));
        int size = 0;
        if (item != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
            dynamodb.set("NewImage", AttributeValueJson.writeItem(item));
            size += ItemSize.of(item);
        }
        if (old != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
            dynamodb.set("OldImage", AttributeValueJson.writeItem(old));
            size += ItemSize.of(old);
        }
        dynamodb.put("SequenceNumber", sequenceNumber(sequence));
        dynamodb.put("SizeBytes", size + ItemSize.of(definition.key().keyOf(any)));
        dynamodb.put("StreamViewType", viewType);
        if (cause == Table.WriteCause.TIME_TO_LIVE) {
            record.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
        }
        return record;
    }

    /** The records of one stream; one map instance per stream, which appenders synchronise on. */
    MVMap<Long, byte[]> records(long tableId, String label) {
        return streams.computeIfAbsent("t" + tableId + ".stream." + label, name -> catalog.store().openMap(name,
                new MVMap.Builder<Long, byte[]>().keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)));
    }

    /**
     * Drops records older than the retention period, and remembers under {@link #HORIZON} the first sequence that
     * was not trimmed: sequences keep growing when every record was trimmed, and a reader pointing below it learns
     * that its records are gone (TrimmedDataAccessException) instead of silently skipping them.
     */
    void trim(MVMap<Long, byte[]> records) {
        long oldest = clock.now().minus(RETENTION).getEpochSecond();
        synchronized (records) {
            Long removed = null;
            for (Long first = records.higherKey(HORIZON); first != null; first = records.higherKey(HORIZON)) {
                if (read(records.get(first)).path("dynamodb").path("ApproximateCreationDateTime").asLong() >= oldest) {
                    break;
                }
                records.remove(first);
                removed = first;
            }
            if (removed != null) {
                records.put(HORIZON, java.nio.ByteBuffer.allocate(Long.BYTES).putLong(removed + 1).array());
            }
        }
    }

    /** The lowest sequence that has not been trimmed (1 while nothing was). */
    static long horizon(MVMap<Long, byte[]> records) {
        byte[] horizon = records.get(HORIZON);
        return horizon == null ? 1 : java.nio.ByteBuffer.wrap(horizon).getLong();
    }

    /** The oldest record kept, or null when none is. */
    static Long firstRecord(MVMap<Long, byte[]> records) {
        return records.higherKey(HORIZON);
    }

    /** The sequence the next record will get. */
    static long nextSequence(MVMap<Long, byte[]> records) {
        Long last = records.lastKey();
        return last == null || last == HORIZON ? horizon(records) : last + 1;
    }

    /** Fails as DynamoDB Streams does when a reader's position was trimmed away. */
    static void checkNotTrimmed(MVMap<Long, byte[]> records, long sequence) {
        if (sequence < horizon(records)) {
            throw new io.nagare.local.runtime.AwsServiceException("TrimmedDataAccessException",
                    "The data you are trying to access has been trimmed. (sequence number " + sequenceNumber(sequence)
                            + " is older than the trim horizon " + sequenceNumber(horizon(records)) + ")");
        }
    }

    static String sequenceNumber(long sequence) {
        return "1" + String.format("%020d", sequence);
    }

    static long sequence(String sequenceNumber) {
        return Long.parseLong(sequenceNumber.substring(1));
    }

    static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stream record", e);
        }
    }

    private static byte[] bytes(ObjectNode record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
