package io.nagare.payments;

import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code payments} table through the enhanced client. Every write is conditional on the item's version
 * ({@code VersionedRecordExtension}): a new payment only if none exists, a change only if nobody changed it since it
 * was read.
 */
final class PaymentRepository {

    static final TableSchema<PaymentItem> SCHEMA = TableSchema.fromBean(PaymentItem.class);

    private final DynamoDbTable<PaymentItem> table;

    PaymentRepository(DynamoDbEnhancedClient client, String tableName) {
        this.table = Objects.requireNonNull(client, "client").table(tableName, SCHEMA);
    }

    Optional<PaymentItem> find(String orderId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(orderId).build())
                .consistentRead(true)));
    }

    /**
     * Writes a new item or the next version of a read one; on success the item carries the version written (as
     * {@code VersionedRecordExtension} numbers them: 1, then one more per write), so it can be changed again.
     *
     * @return false when another writer got there first (the item exists, or its version moved on)
     */
    boolean save(PaymentItem item) {
        try {
            table.putItem(item);
            item.setVersion(item.getVersion() == null ? 1L : item.getVersion() + 1);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
