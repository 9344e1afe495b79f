package io.nagare.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nagare.inventory.internal.StockItem;

/**
 * The restock function: adds stock to skus, creating the skus the inventory does not hold yet. Used by operators and
 * the demo to seed and top up stock. Not idempotent by design: two restocks add twice, as two deliveries would.
 */
final class Restocking {

    private final InventoryStore store;
    private final OptimisticRetry retry;
    private final Clock clock;

    Restocking(InventoryStore store, OptimisticRetry retry, Clock clock) {
        this.store = store;
        this.retry = retry;
        this.clock = clock;
    }

    /** Adds each item's quantity to its sku's {@code available}; answers the stock levels after. */
    RestockResult restock(List<StockLine> items) {
        List<StockLine> merged = StockLine.merge("restock input items", items);
        List<StockLevel> levels = new ArrayList<>(merged.size());
        for (StockLine item : merged) {
            levels.add(retry.run("restock sku " + item.sku(), () -> add(item)));
        }
        return new RestockResult(levels);
    }

    private StockLevel add(StockLine line) {
        Instant now = clock.instant();
        Optional<StockItem> existing = store.stock(line.sku());
        StockItem item;
        if (existing.isPresent()) {
            item = existing.get();
            item.setAvailable(Math.addExact(item.getAvailable(), line.quantity()));
            item.setUpdatedAt(now);
            store.update(item);
        } else {
            item = new StockItem();
            item.setSku(line.sku());
            item.setAvailable(line.quantity());
            item.setReserved(0);
            item.setUpdatedAt(now);
            store.create(item);
        }
        return new StockLevel(item.getSku(), item.getAvailable(), item.getReserved());
    }

    /** The restock output: {@code {"items": [{"sku", "available", "reserved"}]}}, sorted by sku. */
    record RestockResult(List<StockLevel> items) {
    }

    record StockLevel(String sku, long available, long reserved) {
    }
}
