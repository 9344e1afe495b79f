package io.nagare.shipping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The carrier partner's API, as shipping sees it: {@code POST /v1/shipments} takes a pick-up and delivery request and
 * answers the carrier's shipment id at once (202); the outcome comes later as partner events.
 */
interface CarrierApi {

    /**
     * Asks the carrier to ship the order. Idempotent on the order: asking again answers the same shipment id.
     *
     * @throws CarrierUnavailableException on an outage, throttling or a timeout
     * @throws CarrierRequestException when the carrier refuses the request itself
     */
    String requestShipment(JsonNode request, String idempotencyKey);
}
