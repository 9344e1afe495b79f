package io.nagare.local.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import io.nagare.local.runtime.AwsServiceException;

/**
 * Runs planned writes: one item under its lock, or a transaction under the locks of all its items (all conditions
 * checked before anything changes, so it is all-or-nothing and no reader of those items sees half of it). Answers
 * only once the change is durable.
 */
final class ItemWrites {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ItemLocks locks;
    private final Durability durability;
    private final ItemCollections collections;

    ItemWrites(ItemLocks locks, Durability durability, ItemCollections collections) {
        this.locks = locks;
        this.durability = durability;
        this.collections = collections;
    }

    ItemCollections collections() {
        return collections;
    }

    ItemLocks locks() {
        return locks;
    }

    PlannedWrite.Outcome execute(PlannedWrite write) {
        long sequence;
        PlannedWrite.Outcome outcome;
        try (ItemLocks.Held held = locks.lock(write.table().definition().id(), write.storageKey())) {
            Map<String, AttributeValue> current = write.table().get(write.storageKey());
            if (!write.conditionHolds(current)) {
                throw conditionalCheckFailed(write, current);
            }
            Map<String, AttributeValue> next = write.change().apply(current);
            collections.checkGrowth(write.table(), current, next);
            outcome = new PlannedWrite.Outcome(current, next);
            List<WriteAheadLog.Change> changes = new ArrayList<>();
            sequence = durability.write(() -> {
                store(write, current, next, changes);
                return changes;
            });
        }
        durability.awaitDurable(sequence);
        return outcome;
    }

    /** A transaction: every condition is checked before any write; failures cancel it with reasons in order. */
    List<PlannedWrite.Outcome> transact(List<PlannedWrite> writes) {
        return applyTogether(writes, true);
    }

    /** A batch: like a transaction without conditions, waiting for items other transactions hold. */
    void batch(List<PlannedWrite> writes) {
        applyTogether(writes, false);
    }

    private List<PlannedWrite.Outcome> applyTogether(List<PlannedWrite> writes, boolean transaction) {
        List<ItemLocks.Item> items = new ArrayList<>();
        for (PlannedWrite write : writes) {
            items.add(new ItemLocks.Item(write.table().definition().id(), write.storageKey()));
        }
        List<PlannedWrite.Outcome> outcomes = new ArrayList<>();
        long sequence;
        try (ItemLocks.Held held = transaction ? cancelOnConflict(items, locks::lockTransaction)
                : locks.lockAll(items)) {
            List<Map<String, AttributeValue>> currents = new ArrayList<>();
            List<Map<String, AttributeValue>> nexts = new ArrayList<>();
            List<ObjectNode> reasons = new ArrayList<>();
            boolean failed = false;
            for (PlannedWrite write : writes) {
                Map<String, AttributeValue> current = write.table().get(write.storageKey());
                currents.add(current);
                Map<String, AttributeValue> next = current;
                ObjectNode reason = NODES.objectNode();
                if (!write.conditionHolds(current)) {
                    failed = true;
                    reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                    if (write.returnItemOnFailure() && current != null) {
                        reason.set("Item", AttributeValueJson.writeItem(current));
                    }
                } else if (write.writes()) {
                    try {
                        next = write.change().apply(current);
                        collections.checkGrowth(write.table(), current, next);
                        reason.put("Code", "None");
                    } catch (AwsServiceException e) {
                        if (!transaction) {
                            throw e;
                        }
                        failed = true;
                        String code = e.errorCode().equals("ValidationException") ? "ValidationError"
                                : e.errorCode().replace("Exception", "");
                        reason.put("Code", code).put("Message", e.getMessage());
                    }
                } else {
                    reason.put("Code", "None");
                }
                reasons.add(reason);
                nexts.add(next);
            }
            if (failed) {
                throw transactionCanceled(reasons);
            }
            for (int i = 0; i < writes.size(); i++) {
                outcomes.add(new PlannedWrite.Outcome(currents.get(i), writes.get(i).writes() ? nexts.get(i)
                        : currents.get(i)));
            }
            List<WriteAheadLog.Change> changes = new ArrayList<>();
            sequence = durability.write(() -> {
                for (int i = 0; i < writes.size(); i++) {
                    if (writes.get(i).writes()) {
                        store(writes.get(i), currents.get(i), nexts.get(i), changes);
                    }
                }
                return changes;
            });
        }
        durability.awaitDurable(sequence);
        return outcomes;
    }

    /** Locks a transaction's items, or cancels it naming the items another transaction holds. */
    private ItemLocks.Held cancelOnConflict(List<ItemLocks.Item> items,
                                            java.util.function.Function<List<ItemLocks.Item>, ItemLocks.Held> lock) {
        try {
            return lock.apply(items);
        } catch (ItemLocks.Conflict conflict) {
            List<ObjectNode> reasons = new ArrayList<>();
            for (ItemLocks.Item item : items) {
                ObjectNode reason = NODES.objectNode();
                if (conflict.involves(item)) {
                    reason.put("Code", "TransactionConflict").put("Message", ItemLocks.CONFLICT_MESSAGE);
                } else {
                    reason.put("Code", "None");
                }
                reasons.add(reason);
            }
            throw transactionCanceled(reasons);
        }
    }

    /** Reads several items under their locks, so no transaction is half-visible among them. */
    List<Map<String, AttributeValue>> readTogether(List<Table> tables, List<byte[]> keys) {
        List<ItemLocks.Item> locked = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            locked.add(new ItemLocks.Item(tables.get(i).definition().id(), keys.get(i)));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (ItemLocks.Held held = cancelOnConflict(locked, locks::lockToRead)) {
            for (int i = 0; i < tables.size(); i++) {
                items.add(tables.get(i).get(keys.get(i)));
            }
        }
        return items;
    }

    private static void store(PlannedWrite write, Map<String, AttributeValue> current, Map<String, AttributeValue> next,
                              List<WriteAheadLog.Change> changes) {
        if (next == null) {
            if (current != null) {
                changes.add(write.table().delete(write.storageKey(), current, Table.WriteCause.USER));
            }
        } else {
            changes.add(write.table().put(write.storageKey(), current, next, Table.WriteCause.USER));
        }
    }

    private static DynamoDbException conditionalCheckFailed(PlannedWrite write, Map<String, AttributeValue> current) {
        ObjectNode extra = NODES.objectNode();
        if (write.returnItemOnFailure() && current != null) {
            extra.set("Item", AttributeValueJson.writeItem(current));
        }
        return new DynamoDbException("ConditionalCheckFailedException", "The conditional request failed", extra);
    }

    private static DynamoDbException transactionCanceled(List<ObjectNode> reasons) {
        ObjectNode extra = NODES.objectNode();
        ArrayNode array = extra.putArray("CancellationReasons");
        List<String> codes = new ArrayList<>();
        for (ObjectNode reason : reasons) {
            array.add(reason);
            codes.add(reason.get("Code").asText());
        }
        return new DynamoDbException("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, extra);
    }
}
