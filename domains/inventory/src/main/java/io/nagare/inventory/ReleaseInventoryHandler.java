package io.nagare.inventory;

import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.aws.AwsClients;

/**
 * {@code release-inventory}: {@code {"orderId"}} → {@code {"released": true|false}} (false: nothing was reserved).
 * Idempotent; publishes InventoryReleased.
 */
public final class ReleaseInventoryHandler implements RequestStreamHandler {

    private final StockReservations reservations;

    public ReleaseInventoryHandler() {
        this(InventoryWiring.reservations(AwsClients.create()));
    }

    ReleaseInventoryHandler(StockReservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Input request = StepJson.read(StockReservations.RELEASE_STEP, input, Input.class);
        StepJson.write(StockReservations.RELEASE_STEP, output, reservations.release(request.orderId()));
    }

    record Input(String orderId) {
    }
}
