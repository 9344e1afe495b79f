package io.nagare.orders;

import java.util.Optional;

import io.nagare.orders.internal.OrderItem;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code orders} table through the enhanced client with {@link VersionedRecordExtension}: an order is created
 * once (conditional put), and every later write is conditioned on the version read (optimistic locking), so a
 * stale read-modify-write fails with {@link WriteConflict} instead of overwriting. Reads are strongly consistent.
 * Safe on a global table: each write carries the whole item and its version, and an order's steps run in the region
 * of its saga.
 */
final class OrderRepository {

    private final DynamoDbTable<OrderItem> orders;

    OrderRepository(DynamoDbClient client, String tableName) {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client)
                .extensions(VersionedRecordExtension.builder().build()).build();
        this.orders = enhanced.table(tableName, TableSchema.fromBean(OrderItem.class));
    }

    Optional<OrderItem> find(String orderId) {
        return Optional.ofNullable(orders.getItem(r -> r.key(Key.builder().partitionValue(orderId).build())
                .consistentRead(true)));
    }

    /** Records a new order; false when the order exists already (a redelivered or repeated OrderPlaced). */
    boolean insert(OrderItem order) {
        try {
            orders.putItem(PutItemEnhancedRequest.builder(OrderItem.class).item(order)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(#orderId)")
                            .putExpressionName("#orderId", "orderId").build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Writes a changed order; {@link WriteConflict} when it changed since it was read. */
    void update(OrderItem order) {
        try {
            orders.putItem(order);
        } catch (ConditionalCheckFailedException e) {
            throw new WriteConflict("order '" + order.getOrderId() + "' changed since version " + order.getVersion()
                    + " was read");
        }
    }
}
