package io.nagare.local.simulators;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code n}th event a shipment owes the platform: 0 is ShipmentStatusUpdated ACCEPTED at the request, then one
 * AWAITING_PICKUP per status interval before the outcome, then ShipmentDispatched or ShipmentFailed at the outcome
 * time; a silent shipment owes nothing. Derived from the stored shipment, so nothing but a counter changes as
 * postings go out, however long the wait.
 */
record Posting(int n, String type, Instant due, ObjectNode data, String shipmentId) {

    static Posting of(JsonNode shipment, int n) {
        String outcome = shipment.get("outcome").asText();
        if (outcome.equals("SILENT")) {
            return null;
        }
        Instant createdAt = Instant.parse(shipment.get("createdAt").asText());
        Instant outcomeAt = Instant.parse(shipment.get("outcomeAt").asText());
        long interval = shipment.get("statusIntervalSeconds").asLong();
        long statusUpdates = Math.max(0, (outcomeAt.getEpochSecond() - createdAt.getEpochSecond() + interval - 1)
                / interval - 1);
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("orderId", shipment.get("orderId").asText());
        data.put("shipmentId", shipment.get("shipmentId").asText());
        String shipmentId = shipment.get("shipmentId").asText();
        if (n == 0 || n <= statusUpdates) {
            Instant due = createdAt.plusSeconds(n * interval);
            data.put("status", n == 0 ? "ACCEPTED" : "AWAITING_PICKUP");
            data.put("updatedAt", due.toString());
            return new Posting(n, "ShipmentStatusUpdated", due, data, shipmentId);
        }
        if (n > statusUpdates + 1) {
            return null;
        }
        if (outcome.equals("FAILED")) {
            data.put("reason", "CARRIER_REJECTED");
            data.put("detail", "The carrier simulator refused this shipment.");
            data.put("failedAt", outcomeAt.toString());
            return new Posting(n, "ShipmentFailed", outcomeAt, data, shipmentId);
        }
        data.put("trackingNumber", shipment.get("trackingNumber").asText());
        data.put("dispatchedAt", outcomeAt.toString());
        data.put("estimatedDeliveryAt", outcomeAt.plusSeconds(86_400).toString());
        return new Posting(n, "ShipmentDispatched", outcomeAt, data, shipmentId);
    }

    /** The posting as a structured CloudEvent 1.0, with a fixed id so a repeat is a duplicate to the partner API. */
    ObjectNode cloudEvent(String carrierId) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("orderId", data.get("orderId").asText());
        payload.put("shipmentId", shipmentId);
        payload.put("carrier", carrierId);
        data.fields().forEachRemaining(f -> {
            if (!payload.has(f.getKey())) {
                payload.set(f.getKey(), f.getValue());
            }
        });
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        // the order keeps ids unique when an in-memory simulator restarts its shipment numbers
        event.put("id", data.get("orderId").asText() + ":" + shipmentId + ":" + n);
        event.put("source", CarrierSimulator.SOURCE);
        event.put("type", type);
        event.put("time", due.toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "https://schemas.nagare.io/events/" + type + "/v1");
        event.set("data", payload);
        return event;
    }
}
