package io.nagare.sagas.orderfulfilment;

import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;

/**
 * The order-fulfilment saga (docs/order-process.md): its ASL definition, one substitution per domain function it
 * invokes, and the queue that receives an incident when a compensation still fails after its retries. The saga
 * publishes no event itself: each step's function publishes its own.
 */
public final class OrderFulfilmentDeclarations implements PlatformDeclarations {

    public static final String SAGA = "order-fulfilment";
    /** The ASL file, a classpath resource of this module. */
    public static final String DEFINITION = "sagas/order-fulfilment/order-fulfilment.asl.json";
    /** Incidents: one message per compensation that failed after its retries, for an operator to finish it. */
    public static final String INCIDENT_QUEUE = "order-fulfilment-incidents";

    @Override
    public String owner() {
        return SAGA;
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        // Nothing consumes it: operators read and redrive by hand, so it keeps messages as long as a DLQ does.
        model.queue(INCIDENT_QUEUE, QueueDeclaration.Builder::asDeadLetterQueue);
        model.saga(SAGA, s -> s
                .definition(DEFINITION)
                .function("ValidateOrderFunction", "validate-order")
                .function("ReserveInventoryFunction", "reserve-inventory")
                .function("ReleaseInventoryFunction", "release-inventory")
                .function("AuthorizePaymentFunction", "authorize-payment")
                .function("CapturePaymentFunction", "capture-payment")
                .function("VoidPaymentFunction", "void-payment")
                .function("RefundPaymentFunction", "refund-payment")
                .function("RequestShipmentFunction", "request-shipment")
                .function("ConfirmOrderFunction", "confirm-order")
                .function("CancelOrderFunction", "cancel-order")
                .queue("IncidentQueueUrl", INCIDENT_QUEUE));
    }
}
