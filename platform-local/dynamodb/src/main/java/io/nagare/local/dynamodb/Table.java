package io.nagare.local.dynamodb;

import java.util.Map;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.ItemCodec;
import io.nagare.local.dynamodb.internal.item.KeyCodec;
import org.h2.mvstore.MVMap;

/**
 * A table's items and indexes: one sorted map of encoded key to encoded item, and one per secondary index
 * (index key + table key to projected item). Writes keep the indexes in step; the caller holds the item's lock.
 */
final class Table {

    private volatile TableDefinition definition;
    private final MVMap<byte[], byte[]> items;
    private volatile Map<String, MVMap<byte[], byte[]>> indexes;
    private volatile WriteListener listener = WriteListener.NONE;
    private volatile TableStatistics.Snapshot statistics;

    Table(TableDefinition definition, MVMap<byte[], byte[]> items, Map<String, MVMap<byte[], byte[]>> indexes) {
        this.definition = definition;
        this.items = items;
        this.indexes = Map.copyOf(indexes);
    }

    TableDefinition definition() {
        return definition;
    }

    void redefine(TableDefinition definition, Map<String, MVMap<byte[], byte[]>> indexes) {
        this.definition = definition;
        this.indexes = Map.copyOf(indexes);
    }

    void listen(WriteListener listener) {
        this.listener = listener;
    }

    String name() {
        return definition.name();
    }

    KeySchema key() {
        return definition.key();
    }

    MVMap<byte[], byte[]> items() {
        return items;
    }

    MVMap<byte[], byte[]> index(String name) {
        return indexes.get(name);
    }

    Map<String, MVMap<byte[], byte[]>> indexMaps() {
        return indexes;
    }

    /** The last size reading of DescribeTable (see {@link TableStatistics}), or null. */
    TableStatistics.Snapshot statistics() {
        return statistics;
    }

    void statistics(TableStatistics.Snapshot snapshot) {
        this.statistics = snapshot;
    }

    long itemCount() {
        return items.sizeAsLong();
    }

    byte[] storageKey(Map<String, AttributeValue> keyOrItem) {
        KeySchema key = definition.key();
        return KeyCodec.itemKey(key.partition(keyOrItem), key.sort(keyOrItem));
    }

    Map<String, AttributeValue> get(byte[] storageKey) {
        byte[] bytes = items.get(storageKey);
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    /** Stores {@code item} (replacing {@code old}, null when new), updates the indexes; returns the change. */
    WriteAheadLog.Change put(byte[] storageKey, Map<String, AttributeValue> old, Map<String, AttributeValue> item,
                             WriteCause cause) {
        byte[] stored = ItemCodec.encode(item);
        items.put(storageKey, stored);
        updateIndexes(old, item);
        listener.written(this, old, item, cause);
        return new WriteAheadLog.Change(definition.id(), cause, storageKey, stored);
    }

    /** Removes the item stored as {@code old}; returns the change. */
    WriteAheadLog.Change delete(byte[] storageKey, Map<String, AttributeValue> old, WriteCause cause) {
        items.remove(storageKey);
        updateIndexes(old, null);
        listener.written(this, old, null, cause);
        return new WriteAheadLog.Change(definition.id(), cause, storageKey, null);
    }

    /** Applies a logged change again after a restart; changes the store already holds change nothing. */
    void replay(WriteAheadLog.Change change) {
        Map<String, AttributeValue> current = get(change.key());
        if (change.item() != null) {
            Map<String, AttributeValue> item = ItemCodec.decode(change.item());
            if (!item.equals(current)) {
                put(change.key(), current, item, change.cause());
            }
        } else if (current != null) {
            delete(change.key(), current, change.cause());
        }
    }

    private void updateIndexes(Map<String, AttributeValue> old, Map<String, AttributeValue> item) {
        TableDefinition current = definition;
        Map<String, MVMap<byte[], byte[]>> maps = indexes;
        for (IndexDefinition index : current.allIndexes()) {
            MVMap<byte[], byte[]> map = maps.get(index.name());
            if (map == null) {
                continue;
            }
            byte[] oldKey = old == null ? null : indexKey(index, old);
            byte[] newKey = item == null ? null : indexKey(index, item);
            if (oldKey != null && (newKey == null || !java.util.Arrays.equals(oldKey, newKey))) {
                map.remove(oldKey);
            }
            if (newKey != null) {
                map.put(newKey, ItemCodec.encode(index.project(item, current.key())));
            }
        }
    }

    /** The index's stored key for {@code item}, or null when the item lacks the index key (sparse index). */
    byte[] indexKey(IndexDefinition index, Map<String, AttributeValue> item) {
        KeySchema indexKey = index.key();
        if (!indexKey.indexes(item) || KeySchema.isEmpty(indexKey.partition(item))
                || KeySchema.isEmpty(indexKey.sort(item))) {
            return null;
        }
        KeySchema tableKey = definition.key();
        return KeyCodec.indexKey(indexKey.partition(item), indexKey.sort(item), tableKey.partition(item),
                tableKey.sort(item));
    }

    /** Fills a new index from the items already stored (UpdateTable adding a GSI). */
    static void backfill(Table table, IndexDefinition index, MVMap<byte[], byte[]> map) {
        for (Map.Entry<byte[], byte[]> entry : table.items.entrySet()) {
            Map<String, AttributeValue> item = ItemCodec.decode(entry.getValue());
            byte[] key = table.indexKey(index, item);
            if (key != null) {
                map.put(key, ItemCodec.encode(index.project(item, table.key())));
            }
        }
    }

    /** Why an item changed, as streams record it. */
    enum WriteCause { USER, TIME_TO_LIVE }

    /** Told about every change after it is applied (streams, TTL bookkeeping). */
    interface WriteListener {
        WriteListener NONE = (table, old, item, cause) -> { };

        void written(Table table, Map<String, AttributeValue> old, Map<String, AttributeValue> item, WriteCause cause);
    }
}
