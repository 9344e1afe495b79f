package io.nagare.shipping;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code shipments} table through the enhanced client; every write is conditional on the item's version. The
 * saga's step and the carrier's callbacks change the same item concurrently (the carrier may answer before the step
 * has recorded the shipment id), so changes are read-modify-write loops.
 */
final class ShipmentRepository {

    static final TableSchema<ShipmentItem> SCHEMA = TableSchema.fromBean(ShipmentItem.class);
    /** Long after any saga's wait: the token and tracking data are kept for operators, then deleted by TTL. */
    static final Duration RETENTION = Duration.ofDays(90);
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbTable<ShipmentItem> table;
    private final Clock clock;

    ShipmentRepository(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        this.table = Objects.requireNonNull(client, "client").table(tableName, SCHEMA);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Optional<ShipmentItem> find(String orderId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(orderId).build())
                .consistentRead(true)));
    }

    /** Creates the item unless one exists; returns the stored one either way. */
    ShipmentItem createOrGet(ShipmentItem item) {
        if (save(item)) {
            return find(item.getOrderId()).orElseThrow();
        }
        return find(item.getOrderId()).orElseThrow(() -> new IllegalStateException("shipment of order '"
                + item.getOrderId() + "' exists for a conditional write but cannot be read"));
    }

    /** Applies {@code change} to the current item and writes it, again on a concurrent change; returns what was written. */
    ShipmentItem update(String orderId, Consumer<ShipmentItem> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ShipmentItem current = find(orderId).orElseThrow(() -> new IllegalStateException("no shipment for order '"
                    + orderId + "'"));
            Long version = current.getVersion();
            change.accept(current);
            if (save(current)) {
                current.setVersion(version + 1);
                return current;
            }
        }
        throw new IllegalStateException("shipment of order '" + orderId + "' kept changing during " + MAX_ATTEMPTS
                + " attempts to update it");
    }

    private boolean save(ShipmentItem item) {
        item.setExpiresAt(clock.instant().plus(RETENTION).getEpochSecond());
        try {
            table.putItem(item);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
