package io.nagare.local.dynamodb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.ItemCodec;
import io.nagare.local.dynamodb.internal.item.ItemSize;
import io.nagare.local.dynamodb.internal.item.KeyCodec;
import io.nagare.local.runtime.AwsServiceException;
import org.h2.mvstore.MVMap;

/**
 * Item collections of tables with local secondary indexes: every item sharing a partition key plus its LSI entries.
 * DynamoDB caps one at 10 GB (ItemCollectionSizeLimitExceededException) and reports its size as a range of GB when
 * ReturnItemCollectionMetrics is SIZE. The size is counted by reading the partition's range in the table and in
 * each LSI (DynamoDB counts an LSI entry as its projected attributes plus 100 bytes), so it costs a read of the
 * collection on each write to such a table: fine for the collections of a local run, documented in the README.
 */
final class ItemCollections {

    static final long DYNAMODB_LIMIT_BYTES = 10L * 1024 * 1024 * 1024;
    private static final int INDEX_ENTRY_OVERHEAD = 100;
    private static final BigDecimal GIGABYTE = BigDecimal.valueOf(1024L * 1024 * 1024);

    private final long limitBytes;

    ItemCollections(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    static boolean tracked(Table table) {
        return !table.definition().localIndexes().isEmpty();
    }

    /** Fails as DynamoDB does when writing {@code next} over {@code current} grows the collection past the limit. */
    void checkGrowth(Table table, Map<String, AttributeValue> current, Map<String, AttributeValue> next) {
        if (!tracked(table) || next == null) {
            return;
        }
        long growth = bytes(table, next) - (current == null ? 0 : bytes(table, current));
        if (growth <= 0) {
            return;
        }
        if (size(table, table.key().partition(next)) + growth > limitBytes) {
            throw new AwsServiceException("ItemCollectionSizeLimitExceededException", "Collection size exceeded.");
        }
    }

    /** ItemCollectionMetrics for the collection of {@code keyOrItem}, or null when the table has no LSI. */
    ObjectNode metrics(Table table, Map<String, AttributeValue> keyOrItem) {
        if (!tracked(table)) {
            return null;
        }
        AttributeValue partition = table.key().partition(keyOrItem);
        BigDecimal gigabytes = BigDecimal.valueOf(size(table, partition)).divide(GIGABYTE, 6, RoundingMode.HALF_UP);
        BigDecimal lower = gigabytes.setScale(0, RoundingMode.FLOOR);
        ObjectNode metrics = Database.NODES.objectNode();
        metrics.set("ItemCollectionKey", AttributeValueJson.writeItem(Map.of(table.key().partitionName(), partition)));
        metrics.putArray("SizeEstimateRangeGB").add(lower.doubleValue()).add(lower.doubleValue() + 1);
        return metrics;
    }

    /** The collection's bytes: its items and their LSI entries. */
    long size(Table table, AttributeValue partition) {
        byte[] prefix = KeyCodec.partitionPrefix(partition);
        long bytes = sum(table.items(), prefix, 0);
        for (IndexDefinition index : table.definition().localIndexes()) {
            MVMap<byte[], byte[]> map = table.index(index.name());
            if (map != null) {
                bytes += sum(map, prefix, INDEX_ENTRY_OVERHEAD);
            }
        }
        return bytes;
    }

    /** What one item adds to its collection: itself and its LSI entries. */
    private static long bytes(Table table, Map<String, AttributeValue> item) {
        long bytes = ItemSize.of(item);
        for (IndexDefinition index : table.definition().localIndexes()) {
            if (table.indexKey(index, item) != null) {
                bytes += ItemSize.of(index.project(item, table.key())) + INDEX_ENTRY_OVERHEAD;
            }
        }
        return bytes;
    }

    private static long sum(MVMap<byte[], byte[]> map, byte[] prefix, int overhead) {
        byte[] end = KeyCodec.prefixEnd(prefix);
        long bytes = 0;
        for (Iterator<byte[]> keys = map.keyIterator(prefix); keys.hasNext(); ) {
            byte[] key = keys.next();
            if (java.util.Arrays.compareUnsigned(key, end) >= 0) {
                break;
            }
            bytes += ItemSize.of(ItemCodec.decode(map.get(key))) + overhead;
        }
        return bytes;
    }
}
