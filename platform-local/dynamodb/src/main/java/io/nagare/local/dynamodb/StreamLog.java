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
            Long last = records.lastKey();
            long sequence = last == null ? 1 : last + 1;
            records.put(sequence, bytes(record(definition, old, item, cause, sequence)));
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

    /** Drops records older than the retention period. */
    void trim(MVMap<Long, byte[]> records) {
        long oldest = clock.now().minus(RETENTION).getEpochSecond();
        synchronized (records) {
            for (Long first = records.firstKey(); first != null; first = records.firstKey()) {
                if (read(records.get(first)).path("dynamodb").path("ApproximateCreationDateTime").asLong() >= oldest) {
                    return;
                }
                records.remove(first);
            }
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
