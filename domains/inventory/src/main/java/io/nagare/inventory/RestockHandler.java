package io.nagare.inventory;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.nagare.platform.aws.AwsClients;

/**
 * {@code restock}: {@code {"items": [{"sku", "quantity"}]}} adds stock, creating unknown skus; answers
 * {@code {"items": [{"sku", "available", "reserved"}]}}. Invoked by operators and the demo.
 */
public final class RestockHandler implements RequestStreamHandler {

    static final String FUNCTION = "restock";

    private final Restocking restocking;

    public RestockHandler() {
        this(InventoryWiring.restocking(AwsClients.create()));
    }

    RestockHandler(Restocking restocking) {
        this.restocking = restocking;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Input request = StepJson.read(FUNCTION, input, Input.class);
        StepJson.write(FUNCTION, output, restocking.restock(
                ReserveInventoryHandler.Line.toStockLines(FUNCTION + " input items", request.items())));
    }

    record Input(List<ReserveInventoryHandler.Line> items) {
    }
}
