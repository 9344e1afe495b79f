package io.nagare.local.dynamodb;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.dynamodb.internal.item.ItemCodec;
import io.nagare.local.runtime.AwsServiceException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/** What a Query or Scan reads: a table's items or one of its indexes, walked in stored-key order. */
final class ReadTarget {

    private final Table table;
    private final IndexDefinition index;
    private final MVMap<byte[], byte[]> map;

    private ReadTarget(Table table, IndexDefinition index, MVMap<byte[], byte[]> map) {
        this.table = table;
        this.index = index;
        this.map = map;
    }

    static ReadTarget of(Table table, String indexName) {
        if (indexName == null) {
            return new ReadTarget(table, null, table.items());
        }
        IndexDefinition index = table.definition().index(indexName).orElseThrow(() ->
                DynamoDbErrors.validation("The table does not have the specified index: " + indexName));
        return new ReadTarget(table, index, table.index(indexName));
    }

    Table table() {
        return table;
    }

    IndexDefinition index() {
        return index;
    }

    /** The key the read is ordered by: the index's, or the table's. */
    KeySchema key() {
        return index == null ? table.key() : index.key();
    }

    /** The stored key an ExclusiveStartKey names, checked against the table (and index) key. */
    byte[] startKey(Map<String, AttributeValue> exclusiveStartKey) {
        KeySchema tableKey = table.key();
        try {
            if (index == null) {
                tableKey.checkKey(exclusiveStartKey);
                return table.storageKey(exclusiveStartKey);
            }
            Map<String, AttributeValue> tablePart = new LinkedHashMap<>();
            tablePart.put(tableKey.partitionName(), exclusiveStartKey.get(tableKey.partitionName()));
            if (tableKey.hasSort()) {
                tablePart.put(tableKey.sortName(), exclusiveStartKey.get(tableKey.sortName()));
            }
            tablePart.values().removeIf(java.util.Objects::isNull);
            tableKey.checkKey(tablePart);
            byte[] key = table.indexKey(index, exclusiveStartKey);
            if (key == null) {
                throw DynamoDbErrors.validation("The provided key element does not match the schema");
            }
            return key;
        } catch (AwsServiceException e) {
            throw DynamoDbErrors.validation("The provided starting key is invalid: " + e.getMessage());
        }
    }

    /** The LastEvaluatedKey for an item read here: the table key, plus the index key when reading an index. */
    Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(table.key().keyOf(item));
        if (index != null) {
            key.putAll(index.key().keyOf(item));
        }
        return key;
    }

    /** The item for an entry, fetched from the table when the index does not project what is asked. */
    Map<String, AttributeValue> item(byte[] storedValue, boolean fromTable) {
        Map<String, AttributeValue> item = ItemCodec.decode(storedValue);
        if (fromTable && index != null) {
            Map<String, AttributeValue> full = table.get(table.storageKey(item));
            return full == null ? item : full;
        }
        return item;
    }

    /** Entries with lowerInclusive <= key < upperExclusive (null bounds are open), in either direction. */
    Iterator<Map.Entry<byte[], byte[]>> entries(byte[] lowerInclusive, byte[] upperExclusive, boolean reverse) {
        if (!reverse) {
            Cursor<byte[], byte[]> cursor = map.cursor(lowerInclusive, null, false);
            return bounded(cursor, key -> upperExclusive != null && Arrays.compareUnsigned(key, upperExclusive) >= 0);
        }
        byte[] start = upperExclusive == null ? map.lastKey() : map.lowerKey(upperExclusive);
        if (start == null) {
            return java.util.Collections.emptyIterator();
        }
        Cursor<byte[], byte[]> cursor = map.cursor(start, null, true);
        return bounded(cursor, key -> lowerInclusive != null && Arrays.compareUnsigned(key, lowerInclusive) < 0);
    }

    private static Iterator<Map.Entry<byte[], byte[]>> bounded(Cursor<byte[], byte[]> cursor,
                                                               java.util.function.Predicate<byte[]> past) {
        return new Iterator<>() {
            private Map.Entry<byte[], byte[]> next = advance();

            private Map.Entry<byte[], byte[]> advance() {
                if (!cursor.hasNext()) {
                    return null;
                }
                byte[] key = cursor.next();
                return past.test(key) ? null : Map.entry(key, cursor.getValue());
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Map.Entry<byte[], byte[]> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Map.Entry<byte[], byte[]> current = next;
                next = advance();
                return current;
            }
        };
    }
}
