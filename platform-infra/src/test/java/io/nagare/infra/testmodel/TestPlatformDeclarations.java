package io.nagare.infra.testmodel;

import java.util.Map;

import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.SagaDeclaration;
import io.nagare.platform.model.TableAccess;
import io.nagare.platform.model.TableDeclaration.AttributeType;
import io.nagare.platform.model.TableDeclaration.Billing;
import io.nagare.platform.model.TableDeclaration.Key;
import io.nagare.platform.model.TableDeclaration.Projection;
import io.nagare.platform.model.TableDeclaration.StreamViewType;

/**
 * A test-only model exercising every kind of declaration the CDK app turns into resources: functions using tables,
 * queues, buses and sagas; subscriptions to a function, a saga, a queue and a bus; tables with indexes, TTL, a stream
 * and a replica; standard and FIFO queues with their DLQs; API routes with and without scopes.
 */
public final class TestPlatformDeclarations implements PlatformDeclarations {

    @Override
    public String owner() {
        return "orders";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.bus("nagare", bus -> bus.archiveRetentionDays(30));
        model.bus("audit", bus -> { });

        model.queue("orders-dlq", QueueDeclaration.Builder::asDeadLetterQueue);
        model.queue("shipment-requests", q -> q.visibilityTimeoutSeconds(120).deadLetterQueue("orders-dlq"));
        model.queue("payments-dlq.fifo", q -> q.fifo().asDeadLetterQueue());
        model.queue("payments.fifo", q -> q.fifo().maxReceiveCount(3).deadLetterQueue("payments-dlq.fifo"));

        model.table("orders", t -> t
                .partitionKey("orderId", AttributeType.S)
                .globalIndex("by-customer", Key.of("customerId", AttributeType.S), Key.of("placedAt", AttributeType.S))
                .ttlAttribute("expiresAt")
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .replicaRegions("ap-northeast-3"));
        model.table("audit", t -> t
                .partitionKey("entryId", AttributeType.S)
                .sortKey("at", AttributeType.N)
                .localIndex("by-kind", Key.of("kind", AttributeType.S), Projection.keysOnly())
                .billing(Billing.provisioned(5, 5)));

        model.function("validate-order", f -> f
                .handler("io.nagare.orders.ValidateOrderHandler")
                .memoryMb(1024)
                .readsAndWrites("orders")
                .publishes("nagare", "OrderConfirmed")
                .sendsTo("shipment-requests")
                .starts("order-fulfilment")
                .environment("LOG_LEVEL", "INFO")
                .deadLetterQueue("orders-dlq"));
        model.function("ship-order", f -> f
                .handler("io.nagare.orders.ShipOrderHandler")
                .timeoutSeconds(60)
                .reads("orders")
                .writes("audit")
                .consumes("shipment-requests")
                .callsBack("order-fulfilment")
                .reservedConcurrency(5));
        model.function("charge-payment", f -> f
                .handler("io.nagare.orders.ChargePaymentHandler")
                .consumes("payments.fifo"));
        model.function("process-status", f -> f
                .handler("io.nagare.orders.ProcessStatusHandler")
                .reads("orders")
                .saga("order-fulfilment", io.nagare.platform.model.FunctionDeclaration.SagaAccess.READ));

        model.saga("order-fulfilment", s -> s
                .definition("test-sagas/order-fulfilment.asl.json")
                .function("ValidateOrderFunction", "validate-order")
                .table("OrdersTable", "orders", TableAccess.WRITE)
                .queue("ShipmentRequestsQueue", "shipment-requests")
                .bus("EventBus", "nagare")
                .publishes("nagare", "OrderConfirmed"));
        model.saga("refund", s -> s
                .definition("test-sagas/refund.asl.json")
                .type(SagaDeclaration.Type.EXPRESS)
                .table("AuditTable", "audit", TableAccess.READ)
                .saga("FulfilmentSaga", "order-fulfilment"));

        model.subscription("order-placed-to-saga", s -> s
                .bus("nagare")
                .pattern("""
                        {"source": ["nagare.partner.storefront"], "detail-type": ["OrderPlaced"]}""")
                .target(Reference.saga("order-fulfilment"))
                .inputPath("$.detail")
                .retryPolicy(10, 3600)
                .deadLetterQueue("orders-dlq"));
        model.subscription("order-placed-to-validation", s -> s
                .bus("nagare")
                .pattern("""
                        {"source": ["nagare.partner.storefront"], "detail-type": ["OrderPlaced"]}""")
                .target(Reference.function("validate-order"))
                .deadLetterQueue("orders-dlq"));
        model.subscription("order-confirmed-to-payments", s -> s
                .bus("nagare")
                .pattern("""
                        {"source": ["nagare.orders"], "detail-type": ["OrderConfirmed"]}""")
                .target(Reference.queue("payments.fifo"))
                .inputTransformer(Map.of("order", "$.detail.orderId"), "{\"orderId\": <order>}")
                .messageGroupId("payments")
                .deadLetterQueue("orders-dlq"));
        model.subscription("order-confirmed-to-audit", s -> s
                .bus("nagare")
                .pattern("""
                        {"source": ["nagare.orders"], "detail-type": ["OrderConfirmed"]}""")
                .target(Reference.bus("audit")));

        model.route("GET", "/v1/processes/{orderId}", r -> r
                .scopes("processes/read")
                .target(Reference.function("process-status")));
        model.route("POST", "/v1/orders", r -> r
                .scopes("orders/write", "orders/admin")
                .target(Reference.function("validate-order")));
    }
}
