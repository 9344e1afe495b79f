package io.nagare.shipping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.platform.aws.AwsClients;

/** The {@code request-shipment} step, invoked by the saga with {@code .waitForTaskToken}. */
public final class RequestShipmentHandler implements RequestStreamHandler {

    private final ShipmentRequests requests;

    public RequestShipmentHandler() {
        this(ShippingFactory.create(AwsClients.create()).requests());
    }

    RequestShipmentHandler(ShipmentRequests requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = ShippingJson.MAPPER.readTree(input);
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException(ShipmentRequests.FUNCTION + ": the input must be a JSON object");
        }
        ShippingJson.MAPPER.writeValue(output, requests.request(request));
    }
}
