package io.nagare.shipping;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

/** A carrier idempotent on the order, as the contract requires: one shipment per order however often it is asked. */
final class FakeCarrier implements CarrierApi {

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> shipments = new ConcurrentHashMap<>();

    @Override
    public String requestShipment(JsonNode request, String idempotencyKey) {
        requests.add(request);
        return shipments.computeIfAbsent(request.get("orderId").asText(), o -> "shp-" + (shipments.size() + 1));
    }
}
