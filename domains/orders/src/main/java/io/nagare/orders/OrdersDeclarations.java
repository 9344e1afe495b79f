package io.nagare.orders;

import io.nagare.events.orders.v1.OrderCancelled;
import io.nagare.events.orders.v1.OrderConfirmed;
import io.nagare.events.orders.v2.OrderPlaced;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration.AttributeType;

/**
 * What the orders domain runs: OrderPlaced from the storefront reaches {@code accept-order} through the queue
 * {@code order-intake}, which records the order and starts the saga {@code order-fulfilment} (declared by
 * sagas/order-fulfilment); the saga invokes validate-order, confirm-order and cancel-order. The bus {@code nagare} is
 * declared by platform-api. Tables replicate to Osaka (global tables); orders do not expire, so the orders table has
 * no TTL.
 */
public final class OrdersDeclarations implements PlatformDeclarations {

    static final String REPLICA_REGION = "ap-northeast-3";
    static final String SUBSCRIPTION = "order-placed-to-intake";
    static final int STEP_TIMEOUT_SECONDS = 30;

    @Override
    public String owner() {
        return "orders";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.table(OrdersWiring.ORDERS_TABLE, t -> t
                .partitionKey("orderId", AttributeType.S)
                .replicaRegions(REPLICA_REGION));
        model.table(OrdersWiring.IDEMPOTENCY_TABLE, t -> DynamoDbIdempotencyStore.declareTable(t)
                .replicaRegions(REPLICA_REGION));

        model.queue(OrdersWiring.INTAKE_DLQ, QueueDeclaration.Builder::asDeadLetterQueue);
        // six times the consumer's timeout, as AWS advises for Lambda event sources
        model.queue(OrdersWiring.INTAKE_QUEUE, q -> q
                .visibilityTimeoutSeconds(6 * STEP_TIMEOUT_SECONDS)
                .maxReceiveCount(5)
                .deadLetterQueue(OrdersWiring.INTAKE_DLQ));

        // Events EventBridge cannot deliver go to the intake's DLQ: same body as an intake message, so one redrive
        // brings both back.
        model.subscription(SUBSCRIPTION, s -> s
                .bus(OrdersWiring.BUS)
                .pattern("{\"source\": [\"" + OrderPlaced.SOURCE + "\"], \"detail-type\": [\""
                        + OrderPlaced.DETAIL_TYPE + "\"]}")
                .target(Reference.queue(OrdersWiring.INTAKE_QUEUE))
                .retryPolicy(185, 86_400)
                .deadLetterQueue(OrdersWiring.INTAKE_DLQ));

        model.function("accept-order", f -> f
                .handler(AcceptOrderHandler.class)
                .memoryMb(1024)
                .timeoutSeconds(STEP_TIMEOUT_SECONDS)
                .readsAndWrites(OrdersWiring.ORDERS_TABLE)
                .consumes(OrdersWiring.INTAKE_QUEUE)
                .starts(OrdersWiring.SAGA));
        model.function(OrderSteps.VALIDATE, f -> f
                .handler(ValidateOrderHandler.class)
                .memoryMb(1024)
                .timeoutSeconds(STEP_TIMEOUT_SECONDS)
                .readsAndWrites(OrdersWiring.ORDERS_TABLE, OrdersWiring.IDEMPOTENCY_TABLE));
        model.function(OrderSteps.CONFIRM, f -> f
                .handler(ConfirmOrderHandler.class)
                .memoryMb(1024)
                .timeoutSeconds(STEP_TIMEOUT_SECONDS)
                .readsAndWrites(OrdersWiring.ORDERS_TABLE, OrdersWiring.IDEMPOTENCY_TABLE)
                .publishes(OrdersWiring.BUS, OrderConfirmed.DETAIL_TYPE));
        model.function(OrderSteps.CANCEL, f -> f
                .handler(CancelOrderHandler.class)
                .memoryMb(1024)
                .timeoutSeconds(STEP_TIMEOUT_SECONDS)
                .readsAndWrites(OrdersWiring.ORDERS_TABLE, OrdersWiring.IDEMPOTENCY_TABLE)
                .publishes(OrdersWiring.BUS, OrderCancelled.DETAIL_TYPE));
    }
}
