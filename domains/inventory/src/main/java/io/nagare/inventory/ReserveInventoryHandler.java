package io.nagare.inventory;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.aws.AwsClients;

/**
 * {@code reserve-inventory}: {@code {"orderId", "lines": [{"sku", "quantity"}]}} → {@code {"reservationId",
 * "expiresAt"}}, every line or none; fails with {@link OutOfStockException} or {@link UnknownSkuException}. Publishes
 * InventoryReserved or InventoryReservationFailed.
 */
public final class ReserveInventoryHandler implements RequestStreamHandler {

    private final StockReservations reservations;

    public ReserveInventoryHandler() {
        this(InventoryWiring.reservations(AwsClients.create()));
    }

    ReserveInventoryHandler(StockReservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Input request = StepJson.read(StockReservations.RESERVE_STEP, input, Input.class);
        StepJson.write(StockReservations.RESERVE_STEP, output,
                reservations.reserve(request.orderId(), request.stockLines()));
    }

    record Input(String orderId, List<Line> lines) {
        List<StockLine> stockLines() {
            if (lines == null) {
                return null;
            }
            return lines.stream().map(l -> l == null ? null
                    : new StockLine(l.sku(), l.quantity() == null ? 0 : l.quantity())).toList();
        }
    }

    record Line(String sku, Long quantity) {
    }
}
