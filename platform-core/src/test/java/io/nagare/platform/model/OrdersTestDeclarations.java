package io.nagare.platform.model;

import io.nagare.platform.model.TableDeclaration.AttributeType;
import io.nagare.platform.model.TableDeclaration.Key;
import io.nagare.platform.model.TableDeclaration.StreamViewType;

/**
 * Test contribution found through META-INF/services: a small but complete slice of the order process, valid
 * against the real schema registry, using every kind of declaration.
 */
public final class OrdersTestDeclarations implements PlatformDeclarations {

    @Override
    public String owner() {
        return "orders";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.table("orders", table -> table
                .partitionKey("orderId", AttributeType.S)
                .globalIndex("by-customer", Key.of("customerId", AttributeType.S), Key.of("placedAt", AttributeType.S))
                .ttlAttribute("expiresAt")
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .replicaRegions("ap-northeast-3"));
        model.queue("orders-dlq", QueueDeclaration.Builder::asDeadLetterQueue);
        model.queue("shipment-requests", queue -> queue.visibilityTimeoutSeconds(180).deadLetterQueue("orders-dlq"));

        model.function("validate-order", function -> function
                .handler("io.nagare.orders.ValidateOrderHandler")
                .memoryMb(1024)
                .reads("orders")
                .deadLetterQueue("orders-dlq"));
        model.function("carrier-callback", function -> function
                .handler("io.nagare.orders.CarrierCallbackHandler")
                .timeoutSeconds(30)
                .consumes("shipment-requests")
                .callsBack("order-fulfilment"));
        model.function("partner-events-api", function -> function
                .handler("io.nagare.orders.PartnerEventsApiHandler")
                .publishes("nagare", "OrderPlaced"));

        model.saga("order-fulfilment", saga -> saga
                .definition("model/order-fulfilment.asl.json")
                .function("ValidateOrderFunction", "validate-order")
                .table("OrdersTable", "orders", TableAccess.READ_WRITE)
                .queue("ShipmentRequestsQueue", "shipment-requests")
                .bus("EventBus", "nagare")
                .publishes("nagare", "OrderConfirmed"));

        model.subscription("order-placed-to-saga", subscription -> subscription
                .bus("nagare")
                .pattern("{\"source\": [\"nagare.partner.storefront\"], \"detail-type\": [\"OrderPlaced\"]}")
                .target(Reference.saga("order-fulfilment"))
                .inputPath("$.detail")
                .retryPolicy(10, 3600)
                .deadLetterQueue("orders-dlq"));
        model.subscription("order-confirmed-to-validate", subscription -> subscription
                .bus("nagare")
                .pattern("{\"detail-type\": [\"OrderConfirmed\"], \"detail\": {\"orderId\": [{\"exists\": true}]}}")
                .target(Reference.function("validate-order"))
                .deadLetterQueue("platform-dlq"));

        model.route("POST", "/v1/events", route -> route
                .scopes("events/publish")
                .target(Reference.function("partner-events-api")));
    }
}
