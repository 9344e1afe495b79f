package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.expression.Condition;
import io.nagare.local.dynamodb.internal.expression.Projection;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.dynamodb.internal.item.ItemSize;

/**
 * Reads one page of a Query or Scan: stops after Limit evaluated items or 1 MB read, filters after reading (so
 * ScannedCount counts what was read and Count what matched), and returns LastEvaluatedKey when it stopped early.
 */
final class PageReader {

    static final int PAGE_BYTES = 1024 * 1024;

    private PageReader() {
    }

    /**
     * @param fromTable read whole items from the table (an LSI asked for attributes it does not project)
     */
    static ObjectNode read(ReadTarget target, Iterator<Map.Entry<byte[], byte[]>> entries, Condition filter,
                           Projection projection, boolean countOnly, Integer limit, boolean fromTable,
                           boolean consistent, boolean capacity) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int scanned = 0;
        int matched = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        boolean stoppedEarly = false;
        while (entries.hasNext()) {
            if ((limit != null && scanned >= limit) || bytes >= PAGE_BYTES) {
                stoppedEarly = true;
                break;
            }
            Map<String, AttributeValue> item = target.item(entries.next().getValue(), fromTable);
            scanned++;
            bytes += ItemSize.of(item);
            last = item;
            if (filter == null || filter.matches(item)) {
                matched++;
                if (!countOnly) {
                    items.add(projection == null ? item : projection.apply(item));
                }
            }
        }
        ObjectNode out = Database.NODES.objectNode();
        if (!countOnly) {
            ArrayNode array = out.putArray("Items");
            items.forEach(item -> array.add(AttributeValueJson.writeItem(item)));
        }
        out.put("Count", matched);
        out.put("ScannedCount", scanned);
        if (stoppedEarly && last != null) {
            out.set("LastEvaluatedKey", AttributeValueJson.writeItem(target.lastEvaluatedKey(last)));
        }
        if (capacity) {
            Capacity.add(out, target.table().name(), Capacity.readUnits(bytes, consistent));
        }
        return out;
    }
}
