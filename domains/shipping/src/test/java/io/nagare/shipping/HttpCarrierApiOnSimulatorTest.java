package io.nagare.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.nagare.local.runtime.ManualClock;
import io.nagare.local.simulators.PartnerSimulators;
import io.nagare.local.simulators.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against the carrier simulator: the two sides of the local contract agree. */
class HttpCarrierApiOnSimulatorTest {

    private static PartnerSimulators simulators;
    private static HttpCarrierApi carrier;

    @BeforeAll
    static void start() {
        simulators = PartnerSimulators.start(SimulatorSettings.builder().port(0)
                .clock(new ManualClock(Instant.parse("2026-11-28T09:20:00Z")))
                .carrierCredentials("carrier", "unused").build());
        carrier = HttpCarrierApi.create(URI.create(simulators.carrierApiUrl()), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        simulators.close();
    }

    private static com.fasterxml.jackson.databind.JsonNode request(String orderId) throws Exception {
        return ShippingJson.MAPPER.readTree("{\"orderId\": \"" + orderId + "\", \"customerId\": \"c-1\", \"lines\": "
                + "[{\"sku\": \"TEA-SENCHA-100G\", \"quantity\": 2}]}");
    }

    @Test
    void requestShipment_shouldAnswerOneShipmentPerOrder_whenAskedTwice() throws Exception {
        String first = carrier.requestShipment(request("o-sim-1"), "o-sim-1:shipment");
        assertThat(first).startsWith("shp-");
        assertThat(carrier.requestShipment(request("o-sim-1"), "o-sim-1:shipment")).isEqualTo(first);
        assertThat(carrier.requestShipment(request("o-sim-2"), "o-sim-2:shipment")).isNotEqualTo(first);
    }

    @Test
    void requestShipment_shouldBeARefusal_whenTheRequestHasNoLines() throws Exception {
        assertThatThrownBy(() -> carrier.requestShipment(ShippingJson.MAPPER.readTree(
                "{\"orderId\": \"o-sim-3\", \"customerId\": \"c-1\", \"lines\": []}"), "k"))
                .isInstanceOf(CarrierRequestException.class).hasMessageContaining("answered 400 (expected 202)");
    }

    @Test
    void requestShipment_shouldBeUnavailable_whenNothingListens() throws Exception {
        HttpCarrierApi nowhere = HttpCarrierApi.create(URI.create("http://127.0.0.1:9/carrier"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> nowhere.requestShipment(request("o-sim-4"), "k"))
                .isInstanceOf(CarrierUnavailableException.class).hasMessageStartingWith("carrier: POST ");
    }
}
