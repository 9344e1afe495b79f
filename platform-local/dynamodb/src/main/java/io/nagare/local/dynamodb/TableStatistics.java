package io.nagare.local.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.nagare.local.dynamodb.internal.item.ItemCodec;
import io.nagare.local.dynamodb.internal.item.ItemSize;
import org.h2.mvstore.MVMap;

/**
 * TableSizeBytes and IndexSizeBytes for DescribeTable. DynamoDB refreshes these (and ItemCount) about every six
 * hours. Here ItemCount is always the live count (it costs nothing), and the sizes are the sum of the items' sizes as
 * DynamoDB counts them: read exactly on every call while a table holds at most {@value #EXACT_UP_TO} items, and for
 * larger tables read once every six hours of the runtime's clock and scaled by the live count in between (the
 * average item size of the last reading times the current number of items), so describing a large table does not
 * read all of it each time.
 */
final class TableStatistics {

    static final int EXACT_UP_TO = 10_000;
    static final Duration REFRESH = Duration.ofHours(6);

    /** Sizes read at {@code at}, with the counts they were read at. */
    record Snapshot(Instant at, long items, long bytes, Map<String, long[]> indexes) {
    }

    private TableStatistics() {
    }

    /** TableSizeBytes now. */
    static long tableBytes(Table table, Instant now) {
        Snapshot snapshot = snapshot(table, now);
        return scale(snapshot.bytes(), snapshot.items(), table.itemCount());
    }

    /** IndexSizeBytes now (0 for an index not built). */
    static long indexBytes(Table table, String index, Instant now) {
        MVMap<byte[], byte[]> map = table.index(index);
        long[] read = snapshot(table, now).indexes().get(index);
        if (map == null || read == null) {
            return 0;
        }
        return scale(read[1], read[0], map.sizeAsLong());
    }

    private static Snapshot snapshot(Table table, Instant now) {
        Snapshot last = table.statistics();
        boolean small = table.itemCount() <= EXACT_UP_TO;
        if (last != null && !small && now.isBefore(last.at().plus(REFRESH))) {
            return last;
        }
        Map<String, long[]> indexes = new HashMap<>();
        for (Map.Entry<String, MVMap<byte[], byte[]>> index : table.indexMaps().entrySet()) {
            indexes.put(index.getKey(), read(index.getValue()));
        }
        long[] items = read(table.items());
        Snapshot snapshot = new Snapshot(now, items[0], items[1], indexes);
        table.statistics(snapshot);
        return snapshot;
    }

    /** {count, bytes} of a map of encoded items. */
    private static long[] read(MVMap<byte[], byte[]> map) {
        long count = 0;
        long bytes = 0;
        for (byte[] value : map.values()) {
            count++;
            bytes += ItemSize.of(ItemCodec.decode(value));
        }
        return new long[] {count, bytes};
    }

    private static long scale(long bytes, long countThen, long countNow) {
        if (countThen == countNow) {
            return bytes;
        }
        return countThen == 0 ? 0 : Math.round((double) bytes / countThen * countNow);
    }
}
