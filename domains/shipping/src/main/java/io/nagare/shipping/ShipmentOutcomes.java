package io.nagare.shipping;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tells the waiting saga where its shipment stands: dispatched ({@code SendTaskSuccess} with the step's output),
 * failed ({@code SendTaskFailure} with {@link ShipmentFailedException#ERROR_TYPE} and the carrier's reason as cause) or
 * still in preparation ({@code SendTaskHeartbeat}).
 */
final class ShipmentOutcomes {

    private final TaskCallbacks callbacks;

    ShipmentOutcomes(TaskCallbacks callbacks) {
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    }

    /** Returns false when the token was no longer valid (the saga moved on). */
    boolean answer(ShipmentItem shipment) {
        switch (shipment.status()) {
            case DISPATCHED:
                return callbacks.succeed(shipment.getOrderId(), shipment.getTaskToken(), output(shipment));
            case FAILED:
                return callbacks.fail(shipment.getOrderId(), shipment.getTaskToken(), ShipmentFailedException.ERROR_TYPE,
                        shipment.getFailureReason());
            default:
                return callbacks.heartbeat(shipment.getOrderId(), shipment.getTaskToken());
        }
    }

    /** The output of the saga's request-shipment state (docs/order-process.md). */
    static String output(ShipmentItem shipment) {
        ObjectNode output = ShippingJson.MAPPER.createObjectNode();
        output.put("shipmentId", shipment.getShipmentId());
        output.put("carrier", shipment.getCarrier());
        output.put("trackingNumber", shipment.getTrackingNumber());
        output.put("dispatchedAt", shipment.getDispatchedAt());
        return output.toString();
    }
}
