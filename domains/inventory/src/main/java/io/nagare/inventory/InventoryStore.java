package io.nagare.inventory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.nagare.inventory.internal.ReservationItem;
import io.nagare.inventory.internal.StockItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The {@code inventory} and {@code inventory-reservations} tables, through the enhanced client with
 * {@link VersionedRecordExtension}: every write of an existing item is conditioned on the version read, so a
 * read-modify-write that lost a race fails with {@link WriteConflict} instead of overwriting (optimistic locking).
 * Stock changes of one reservation commit together in one TransactWriteItems, each also conditioned on the stock
 * it takes (never negative). Reads are strongly consistent.
 */
final class InventoryStore {

    /** TransactWriteItems takes at most 100 actions: one is the reservation, the rest stock items. */
    static final int MAX_SKUS_PER_TRANSACTION = 99;

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<StockItem> stock;
    private final DynamoDbTable<ReservationItem> reservations;

    InventoryStore(DynamoDbClient client, String inventoryTable, String reservationsTable) {
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client)
                .extensions(VersionedRecordExtension.builder().build()).build();
        this.stock = enhanced.table(inventoryTable, TableSchema.fromBean(StockItem.class));
        this.reservations = enhanced.table(reservationsTable, TableSchema.fromBean(ReservationItem.class));
    }

    Optional<StockItem> stock(String sku) {
        return read(() -> Optional.ofNullable(stock.getItem(r -> r.key(key(sku)).consistentRead(true))));
    }

    /** The stock items of these skus that exist, by sku. */
    Map<String, StockItem> stock(Collection<String> skus) {
        Map<String, StockItem> found = new LinkedHashMap<>();
        for (String sku : skus) {
            stock(sku).ifPresent(item -> found.put(sku, item));
        }
        return found;
    }

    Optional<ReservationItem> reservation(String orderId) {
        return read(() -> Optional.ofNullable(reservations.getItem(r -> r.key(key(orderId)).consistentRead(true))));
    }

    /** Creates a sku's stock item; {@link WriteConflict} when it exists already. */
    void create(StockItem item) {
        write("create sku " + item.getSku(), () -> stock.putItem(PutItemEnhancedRequest.builder(StockItem.class)
                .item(item)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(#sku)")
                        .putExpressionName("#sku", "sku").build())
                .build()));
    }

    /** Writes a changed stock item; {@link WriteConflict} when its version changed since it was read. */
    void update(StockItem item) {
        write("update sku " + item.getSku(), () -> stock.updateItem(UpdateItemEnhancedRequest.builder(StockItem.class)
                .item(item).build()));
    }

    /**
     * Commits a new reservation with its stock changes, all or nothing: each stock item must still have the version
     * read and at least the quantity taken {@code available}; the reservation must not exist.
     */
    void reserve(List<StockChange> changes, ReservationItem reservation) {
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder();
        for (StockChange change : changes) {
            transaction.addUpdateItem(stock, TransactUpdateItemEnhancedRequest.builder(StockItem.class)
                    .item(change.item())
                    .conditionExpression(atLeast("available", change.quantity()))
                    .build());
        }
        transaction.addPutItem(reservations, TransactPutItemEnhancedRequest.builder(ReservationItem.class)
                .item(reservation)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(#orderId)")
                        .putExpressionName("#orderId", "orderId").build())
                .build());
        write("reserve order " + reservation.getOrderId(), () -> enhanced.transactWriteItems(transaction.build()));
    }

    /**
     * Commits a released reservation with its stock changes, all or nothing: the reservation and each stock item
     * must still have the version read, and each item at least the quantity returned {@code reserved}.
     */
    void release(List<StockChange> changes, ReservationItem reservation) {
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder();
        for (StockChange change : changes) {
            transaction.addUpdateItem(stock, TransactUpdateItemEnhancedRequest.builder(StockItem.class)
                    .item(change.item())
                    .conditionExpression(atLeast("reserved", change.quantity()))
                    .build());
        }
        transaction.addUpdateItem(reservations, TransactUpdateItemEnhancedRequest.builder(ReservationItem.class)
                .item(reservation).build());
        write("release order " + reservation.getOrderId(), () -> enhanced.transactWriteItems(transaction.build()));
    }

    /** Writes a reservation record that did not exist (a BLOCKED marker); {@link WriteConflict} when one does. */
    void createReservation(ReservationItem reservation) {
        write("block order " + reservation.getOrderId(), () -> reservations.putItem(
                PutItemEnhancedRequest.builder(ReservationItem.class).item(reservation)
                        .conditionExpression(Expression.builder().expression("attribute_not_exists(#orderId)")
                                .putExpressionName("#orderId", "orderId").build())
                        .build()));
    }

    private static Expression atLeast(String attribute, long quantity) {
        return Expression.builder()
                .expression("#" + attribute + " >= :" + attribute + "Taken")
                .putExpressionName("#" + attribute, attribute)
                .putExpressionValue(":" + attribute + "Taken",
                        AttributeValue.builder().n(Long.toString(quantity)).build())
                .build();
    }

    private static Key key(String value) {
        return Key.builder().partitionValue(value).build();
    }

    private static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (TransactionConflictException e) {
            // the item is inside another transaction being committed: read again
            throw new WriteConflict("read met a running transaction: " + e.awsErrorDetails().errorMessage());
        }
    }

    private static void write(String what, Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException e) {
            throw new WriteConflict(what + ": the item changed since it was read");
        } catch (TransactionConflictException e) {
            throw new WriteConflict(what + ": another transaction holds an item");
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            boolean conflict = reasons.stream().map(CancellationReason::code)
                    .allMatch(code -> code == null || "None".equals(code) || "ConditionalCheckFailed".equals(code)
                            || "TransactionConflict".equals(code));
            if (!conflict || reasons.isEmpty()) {
                throw e;
            }
            throw new WriteConflict(what + ": transaction cancelled (" + reasons.stream()
                    .map(CancellationReason::code).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** A stock item as it is to be written, and the quantity the write takes from or returns to it. */
    record StockChange(StockItem item, long quantity) {
    }
}
