package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.ItemCodec;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * The durable set of tables: definitions as JSON in one map, and each table's item and index maps named after its
 * id ({@code t<id>.items}, {@code t<id>.index.<name>}). Table changes are committed before they are answered.
 */
final class TableCatalog {

    private static final ObjectMapper DEFINITIONS = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final MVStore store;
    private final Durability durability;
    private final MVMap<String, String> definitions;
    private final MVMap<String, Long> sequences;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final List<Table.WriteListener> listeners = new ArrayList<>();

    /** @param logDirectory where the write-ahead log lives; null keeps everything in memory */
    TableCatalog(MVStore store, java.nio.file.Path logDirectory) {
        this.store = store;
        this.definitions = store.openMap("tables");
        this.sequences = store.openMap("sequences");
        this.durability = new Durability(store, sequences, logDirectory);
        for (String json : definitions.values()) {
            TableDefinition definition = read(json);
            tables.put(definition.name(), open(definition));
        }
    }

    Durability durability() {
        return durability;
    }

    /** Replays the item writes a killed process answered but had not checkpointed (listeners must be added first). */
    /**
     * Replays the log over the store after a kill. MVStore may have written some of those changes already (it
     * writes by itself between checkpoints), so for each item only the changes after the last one the store already
     * holds are applied: replaying older ones would flip the item back and forth and put changes that never
     * happened in its stream.
     */
    void recover() {
        durability.recover(changes -> {
            Map<String, Integer> resumeAfter = new HashMap<>();
            for (int i = 0; i < changes.size(); i++) {
                WriteAheadLog.Change change = changes.get(i);
                Table table = byId(change.tableId());
                if (table != null && holds(table, change)) {
                    resumeAfter.put(identity(change), i);
                }
            }
            for (int i = 0; i < changes.size(); i++) {
                WriteAheadLog.Change change = changes.get(i);
                Table table = byId(change.tableId());
                if (table != null && i > resumeAfter.getOrDefault(identity(change), -1)) {
                    table.replay(change);
                }
            }
        });
    }

    private Table byId(long id) {
        for (Table table : tables.values()) {
            if (table.definition().id() == id) {
                return table;
            }
        }
        return null;
    }

    /** Whether the store holds the item exactly as {@code change} left it. */
    private static boolean holds(Table table, WriteAheadLog.Change change) {
        Map<String, AttributeValue> current = table.get(change.key());
        return change.item() == null ? current == null
                : current != null && current.equals(ItemCodec.decode(change.item()));
    }

    private static String identity(WriteAheadLog.Change change) {
        return change.tableId() + ":" + java.util.Base64.getEncoder().encodeToString(change.key());
    }

    /** Every table's writes are reported to {@code listener} (added before the service serves requests). */
    void addListener(Table.WriteListener listener) {
        listeners.add(listener);
        Table.WriteListener all = fanOut();
        tables.values().forEach(table -> table.listen(all));
    }

    Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table for an item operation; DynamoDB's message for a missing one is short. */
    Table require(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbErrors.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    /** The table for a table operation (DescribeTable, DeleteTable, ...), whose message names it. */
    Table requireForDescribe(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbErrors.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    List<String> names() {
        return new ArrayList<>(new TreeMap<>(tables).keySet());
    }

    long nextId() {
        Long next = sequences.merge("table", 1L, Long::sum);
        return next;
    }

    synchronized Table create(TableDefinition definition) {
        return durability.checkpoint(() -> {
            if (tables.containsKey(definition.name())) {
                throw DynamoDbErrors.resourceInUse("Table already exists: " + definition.name());
            }
            definitions.put(definition.name(), write(definition));
            Table table = open(definition);
            tables.put(definition.name(), table);
            return table;
        });
    }

    /** Replaces a table's definition; new indexes are created and filled, dropped ones removed. */
    synchronized Table redefine(String name, UnaryOperator<TableDefinition> change) {
        return durability.checkpoint(() -> redefineNow(name, change));
    }

    private Table redefineNow(String name, UnaryOperator<TableDefinition> change) {
        Table table = requireForDescribe(name);
        TableDefinition before = table.definition();
        TableDefinition after = change.apply(before);
        Map<String, MVMap<byte[], byte[]>> indexes = new HashMap<>(table.indexMaps());
        for (IndexDefinition index : after.allIndexes()) {
            if (!indexes.containsKey(index.name())) {
                MVMap<byte[], byte[]> map = openIndex(after.id(), index.name());
                map.clear();
                Table.backfill(table, index, map);
                indexes.put(index.name(), map);
            }
        }
        for (IndexDefinition index : before.allIndexes()) {
            if (after.index(index.name()).isEmpty()) {
                store.removeMap(indexes.remove(index.name()));
            }
        }
        definitions.put(name, write(after));
        table.redefine(after, indexes);
        return table;
    }

    synchronized Table delete(String name) {
        return durability.checkpoint(() -> deleteNow(name));
    }

    private Table deleteNow(String name) {
        Table table = requireForDescribe(name);
        tables.remove(name);
        definitions.remove(name);
        String prefix = "t" + table.definition().id() + ".";
        for (String mapName : store.getMapNames()) {
            if (mapName.startsWith(prefix)) {
                store.removeMap(mapName);
            }
        }
        return table;
    }

    void close() {
        durability.close();
    }

    private Table open(TableDefinition definition) {
        MVMap<byte[], byte[]> items = openBytes("t" + definition.id() + ".items");
        Map<String, MVMap<byte[], byte[]>> indexes = new HashMap<>();
        for (IndexDefinition index : definition.allIndexes()) {
            indexes.put(index.name(), openIndex(definition.id(), index.name()));
        }
        Table table = new Table(definition, items, indexes);
        if (!listeners.isEmpty()) {
            table.listen(fanOut());
        }
        return table;
    }

    private MVMap<byte[], byte[]> openIndex(long tableId, String indexName) {
        return openBytes("t" + tableId + ".index." + indexName);
    }

    MVMap<byte[], byte[]> openBytes(String mapName) {
        return store.openMap(mapName, new MVMap.Builder<byte[], byte[]>()
                .keyType(KeyBytesType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    }

    MVStore store() {
        return store;
    }

    /** Every table, for services that walk them all (TTL, streams). */
    List<Table> tables() {
        return new ArrayList<>(tables.values());
    }

    private Table.WriteListener fanOut() {
        List<Table.WriteListener> all = List.copyOf(listeners);
        return (table, old, item, cause) -> all.forEach(l -> l.written(table, old, item, cause));
    }

    private static String write(TableDefinition definition) {
        try {
            return DEFINITIONS.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store table definition " + definition.name(), e);
        }
    }

    private static TableDefinition read(String json) {
        try {
            return DEFINITIONS.readValue(json, TableDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored table definition is unreadable: " + json, e);
        }
    }
}
