package io.nagare.orders;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.nagare.events.EventJson;
import io.nagare.events.orders.v2.OrderPlaced;
import io.nagare.orders.internal.OrderItem;
import io.nagare.orders.internal.OrderLineItem;
import io.nagare.orders.internal.StatusChangeItem;
import io.nagare.platform.envelope.EventBridgeEvent;
import io.nagare.platform.envelope.EventEnvelope;
import io.nagare.platform.saga.ExecutionNames;

/**
 * accept-order's work for one OrderPlaced (v1 or v2) as EventBridge delivered it: record the order (status PLACED,
 * conditional put: a redelivered event is a no-op) and start its saga, named after the order id. The saga input is
 * built from the recorded order, so a redelivery, or a second event for the same order, starts the very same saga
 * (and Step Functions answers ExecutionAlreadyExists): one saga per order.
 */
final class OrderIntake {

    static final String SOURCE = OrderPlaced.SOURCE;

    private final OrderRepository orders;
    private final SagaStarter saga;
    private final Clock clock;

    OrderIntake(OrderRepository orders, SagaStarter saga, Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.clock = clock;
    }

    /**
     * @param eventJson the EventBridge event (an SQS message body)
     * @throws IllegalArgumentException when it is not an OrderPlaced from the storefront, or not a valid one
     */
    Accepted accept(String eventJson) {
        EventBridgeEvent event = EventBridgeEvent.fromJson(eventJson);
        if (!OrderPlaced.DETAIL_TYPE.equals(event.detailType()) || !SOURCE.equals(event.source())) {
            throw new IllegalArgumentException("not supported: event '" + event.id() + "' is " + event.detailType()
                    + " from " + event.source() + "; accept-order takes OrderPlaced from " + SOURCE);
        }
        CloudEvent cloudEvent = EventEnvelope.toCloudEvent(event);
        OrderItem placed = read(event, cloudEvent);
        boolean recorded = orders.insert(placed);
        OrderItem order = recorded ? placed : orders.find(placed.getOrderId()).orElseThrow(() ->
                new IllegalStateException("order '" + placed.getOrderId() + "' exists but cannot be read back"));
        boolean started = saga.start(ExecutionNames.forBusinessKey(order.getOrderId()),
                OrderSagaInput.of(order).toJson());
        return new Accepted(order.getOrderId(), cloudEvent.getId(), recorded, started);
    }

    private OrderItem read(EventBridgeEvent event, CloudEvent cloudEvent) {
        ObjectNode data = (ObjectNode) event.detail();
        data.remove(EventEnvelope.RESERVED_MEMBER);
        OrderPlaced order = readVersion(data, cloudEvent.getDataSchema(), cloudEvent.getId());
        Instant now = clock.instant();
        Instant placedAt = order.placedAt() != null ? order.placedAt()
                : cloudEvent.getTime() != null ? cloudEvent.getTime().toInstant() : now;

        OrderItem item = new OrderItem();
        item.setOrderId(order.orderId());
        item.setCustomerId(order.customerId());
        item.setCurrency(order.currency().getCurrencyCode());
        item.setTotal(order.total().toPlainString());
        List<OrderLineItem> lines = new ArrayList<>();
        for (OrderPlaced.Line line : order.lines()) {
            lines.add(new OrderLineItem(line.sku(), line.quantity(), line.unitPrice().toPlainString()));
        }
        item.setLines(lines);
        if (order.shippingAddress() != null) {
            item.setShippingAddress(EventJson.write(order.shippingAddress()));
        }
        item.setPlacedAt(placedAt);
        item.setEventId(cloudEvent.getId());
        item.setStatus(OrderStatus.PLACED.name());
        item.setHistory(new ArrayList<>(List.of(new StatusChangeItem(OrderStatus.PLACED.name(), now,
                "event " + cloudEvent.getId()))));
        item.setUpdatedAt(now);
        return item;
    }

    /**
     * v2 only adds an optional shippingAddress, so both read into the v2 record; a payload that names v1 is held to
     * v1 (no address). No data schema: read as the latest.
     */
    private static OrderPlaced readVersion(JsonNode data, URI dataSchema, String eventId) {
        String schema = dataSchema == null ? null : dataSchema.toString();
        if (io.nagare.events.orders.v1.OrderPlaced.SCHEMA_ID.equals(schema)) {
            io.nagare.events.orders.v1.OrderPlaced v1 =
                    EventJson.read(data, io.nagare.events.orders.v1.OrderPlaced.class);
            return new OrderPlaced(v1.orderId(), v1.customerId(), v1.currency(), v1.total(),
                    v1.lines().stream().map(l -> new OrderPlaced.Line(l.sku(), l.quantity(), l.unitPrice())).toList(),
                    v1.placedAt(), null);
        }
        if (schema != null && !OrderPlaced.SCHEMA_ID.equals(schema)) {
            throw new IllegalArgumentException("not supported: OrderPlaced '" + eventId + "' has data schema " + schema
                    + "; accept-order reads " + io.nagare.events.orders.v1.OrderPlaced.SCHEMA_ID + " and "
                    + OrderPlaced.SCHEMA_ID);
        }
        return EventJson.read(data, OrderPlaced.class);
    }

    /** What accepting one event did: whether this delivery recorded the order and started its saga. */
    record Accepted(String orderId, String eventId, boolean recorded, boolean started) {
    }
}
