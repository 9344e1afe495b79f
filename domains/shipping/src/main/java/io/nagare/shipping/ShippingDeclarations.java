package io.nagare.shipping;

import io.nagare.events.shipping.v1.ShipmentDispatched;
import io.nagare.events.shipping.v1.ShipmentFailed;
import io.nagare.events.shipping.v1.ShipmentRequested;
import io.nagare.events.shipping.v1.ShipmentStatusUpdated;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration;

/**
 * What shipping runs (docs/order-process.md): the {@code shipments} table holding the saga's task tokens, the
 * {@code carrier-events} queue fed by the carrier's partner events, {@code request-shipment} (the saga's
 * {@code .waitForTaskToken} step) and {@code carrier-callback}. The bus {@code nagare} is the platform's, the saga
 * {@code order-fulfilment} its own module's.
 */
public final class ShippingDeclarations implements PlatformDeclarations {

    public static final String SHIPMENTS_TABLE = "shipments";
    public static final String IDEMPOTENCY_TABLE = "shipping-idempotency";
    public static final String CARRIER_EVENTS = "carrier-events";
    public static final String CARRIER_EVENTS_DLQ = "carrier-events-dlq";
    public static final String BUS = "nagare";
    public static final String SAGA = "order-fulfilment";
    /** The carrier partner's API base URL; the default is the local carrier simulator's. */
    public static final String CARRIER_URL = "CARRIER_API_URL";
    public static final String LOCAL_CARRIER_URL = "http://localhost:8090/carrier";
    /** The carrier's identifier in ShipmentRequested; the simulator's by default. */
    public static final String CARRIER_ID = "CARRIER_ID";
    public static final String LOCAL_CARRIER_ID = "nagare-sim-carrier";
    static final int FUNCTION_TIMEOUT_SECONDS = 30;

    @Override
    public String owner() {
        return "shipping";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.table(SHIPMENTS_TABLE, t -> t.partitionKey("orderId", TableDeclaration.AttributeType.S)
                .ttlAttribute("expiresAt"));
        model.table(IDEMPOTENCY_TABLE, DynamoDbIdempotencyStore::declareTable);
        model.queue(CARRIER_EVENTS_DLQ, QueueDeclaration.Builder::asDeadLetterQueue);
        // visibility above the callback's timeout, so a message is not handed out twice while it is handled
        model.queue(CARRIER_EVENTS, q -> q.deadLetterQueue(CARRIER_EVENTS_DLQ).visibilityTimeoutSeconds(60));

        model.subscription("carrier-events-to-shipping", s -> s
                .bus(BUS)
                .pattern("{\"source\": [\"" + ShipmentDispatched.SOURCE + "\"], \"detail-type\": [\""
                        + ShipmentStatusUpdated.DETAIL_TYPE + "\", \"" + ShipmentDispatched.DETAIL_TYPE + "\", \""
                        + ShipmentFailed.DETAIL_TYPE + "\"]}")
                .target(Reference.queue(CARRIER_EVENTS))
                .deadLetterQueue(CARRIER_EVENTS_DLQ));

        model.function("request-shipment", f -> f
                .handler(RequestShipmentHandler.class)
                .timeoutSeconds(FUNCTION_TIMEOUT_SECONDS)
                .readsAndWrites(SHIPMENTS_TABLE, IDEMPOTENCY_TABLE)
                .publishes(BUS, ShipmentRequested.DETAIL_TYPE)
                // a retried step whose carrier already answered answers its new token at once
                .callsBack(SAGA)
                .environment(CARRIER_URL, LOCAL_CARRIER_URL)
                .environment(CARRIER_ID, LOCAL_CARRIER_ID));

        model.function("carrier-callback", f -> f
                .handler(CarrierCallbackHandler.class)
                .timeoutSeconds(FUNCTION_TIMEOUT_SECONDS)
                .readsAndWrites(SHIPMENTS_TABLE)
                .consumes(CARRIER_EVENTS)
                .callsBack(SAGA));
    }
}
