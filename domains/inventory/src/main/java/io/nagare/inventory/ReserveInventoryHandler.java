package io.nagare.inventory;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
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
            return Line.toStockLines(StockReservations.RESERVE_STEP + " input lines", lines);
        }
    }

    /** A line as a step's input has it; sku and quantity are checked by {@link StockLine#merge}. */
    record Line(String sku, Long quantity) {
        static List<StockLine> toStockLines(String where, List<Line> lines) {
            if (lines == null) {
                return null;
            }
            List<StockLine> stockLines = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line != null && line.quantity() == null) {
                    throw new IllegalArgumentException(where + "/" + i + "/quantity is required");
                }
                stockLines.add(line == null ? null : new StockLine(line.sku(), line.quantity()));
            }
            return stockLines;
        }
    }
}
