package io.nagare.local.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.local.runtime.ManualClock;
import io.nagare.schemas.EventValidation;
import io.nagare.schemas.EventValidator;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carrier on a manual clock, posting on the thread that advances it, to a fake partner API: every test sees the
 * postings done when its advance returns.
 */
class CarrierSimulatorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T09:20:00Z"));
    private final ScriptedRandom random = new ScriptedRandom(0.99);
    private FakePartnerApi partnerApi;
    private PartnerSimulators simulators;

    @BeforeEach
    void start() throws IOException {
        partnerApi = new FakePartnerApi();
        simulators = start(null);
    }

    private PartnerSimulators start(Path dataDirectory) {
        return PartnerSimulators.start(SimulatorSettings.builder().port(0).clock(clock).random(random)
                .dataDirectory(dataDirectory).partnerApiUrl(partnerApi.url())
                .carrierCredentials("carrier-client", "s3cret/+").statusInterval(Duration.ofSeconds(5))
                .dispatchDelay(Duration.ofSeconds(12)).lateDispatchDelay(Duration.ofSeconds(60))
                .postingExecutor(Runnable::run).build());
    }

    @AfterEach
    void stop() {
        simulators.close();
        partnerApi.close();
    }

    private Http.Response ship(String orderId, String customerId) {
        return Http.post(simulators.carrierApiUrl() + "/v1/shipments", orderId + ":shipment", "{\"orderId\": \""
                + orderId + "\", \"customerId\": \"" + customerId + "\", \"lines\": [{\"sku\": \"TEA-SENCHA-100G\", "
                + "\"quantity\": 2}]}");
    }

    @Test
    void ship_shouldAcceptAtOnceUpdateAtEachIntervalAndDispatch_whenTheCustomerIsOrdinary() {
        Http.Response answer = ship("o-1", "c-1");
        assertThat(answer.toString()).isEqualTo("202 {\"shipmentId\":\"shp-000001\"}");

        clock.runDue();
        assertThat(partnerApi.types()).containsExactly("ShipmentStatusUpdated ACCEPTED");
        clock.advance(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(partnerApi.types()).containsExactly("ShipmentStatusUpdated ACCEPTED",
                "ShipmentStatusUpdated AWAITING_PICKUP", "ShipmentStatusUpdated AWAITING_PICKUP");
        clock.advance(Duration.ofSeconds(2));
        clock.advance(Duration.ofHours(1));

        assertThat(partnerApi.types()).containsExactly("ShipmentStatusUpdated ACCEPTED",
                "ShipmentStatusUpdated AWAITING_PICKUP", "ShipmentStatusUpdated AWAITING_PICKUP", "ShipmentDispatched");
        JsonNode dispatched = partnerApi.events.get(3);
        assertThat(dispatched.toString()).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"o-1:shp-000001:3\",\"source\":"
                + "\"nagare.partner.carrier\",\"type\":\"ShipmentDispatched\",\"time\":\"2026-11-28T09:20:12Z\","
                + "\"datacontenttype\":\"application/json\",\"dataschema\":"
                + "\"https://schemas.nagare.io/events/ShipmentDispatched/v1\",\"data\":{\"orderId\":\"o-1\","
                + "\"shipmentId\":\"shp-000001\",\"carrier\":\"nagare-sim-carrier\",\"trackingNumber\":\"NSC000004242\","
                + "\"dispatchedAt\":\"2026-11-28T09:20:12Z\",\"estimatedDeliveryAt\":\"2026-11-29T09:20:12Z\"}}");
        assertThat(partnerApi.events.get(0).get("data").toString()).isEqualTo("{\"orderId\":\"o-1\",\"shipmentId\":"
                + "\"shp-000001\",\"carrier\":\"nagare-sim-carrier\",\"status\":\"ACCEPTED\",\"updatedAt\":"
                + "\"2026-11-28T09:20:00Z\"}");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void ship_shouldAuthenticateWithClientCredentialsOnce_whenItPostsSeveralEvents() {
        ship("o-1", "c-1");
        clock.advance(Duration.ofSeconds(12));

        String basic = Base64.getEncoder().encodeToString("carrier-client:s3cret%2F%2B".getBytes(StandardCharsets.UTF_8));
        assertThat(partnerApi.tokenRequests).containsExactly("Basic " + basic + " grant_type=client_credentials");
        assertThat(partnerApi.attempts).allSatisfy(a -> assertThat(a)
                .endsWith(" Bearer token-1 application/cloudevents+json; charset=UTF-8"));
    }

    @Test
    void ship_shouldAnswerTheSameShipmentAndPostOnce_whenTheOrderIsRequestedAgain() {
        ship("o-1", "c-1");
        assertThat(ship("o-1", "c-1").body().get("shipmentId").asText()).isEqualTo("shp-000001");
        clock.advance(Duration.ofMinutes(1));
        assertThat(partnerApi.types()).hasSize(4);
        assertThat(simulators.carrier().stat("shipments")).isEqualTo(1);
    }

    @Test
    void ship_shouldPostShipmentFailed_whenTheCustomerIsACarrierFailTestCustomer() {
        ship("o-1", "carrier-fail-c-1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(partnerApi.types()).last().isEqualTo("ShipmentFailed");
        assertThat(partnerApi.events.get(partnerApi.events.size() - 1).at("/data/reason").asText())
                .isEqualTo("CARRIER_REJECTED");
    }

    @Test
    void ship_shouldFailAtRandom_whenTheFailureRateDrawsIt() {
        Http.call("PUT", simulators.carrierApiUrl() + "/_config", null, "{\"failureRate\": 0.5}");
        random.then(0.49, 0.51);
        ship("o-1", "c-1");
        ship("o-2", "c-2");
        clock.advance(Duration.ofMinutes(1));
        assertThat(partnerApi.events).filteredOn(e -> e.get("type").asText().startsWith("ShipmentFailed"))
                .extracting(e -> e.at("/data/orderId").asText()).containsExactly("o-1");
        assertThat(partnerApi.events).filteredOn(e -> e.get("type").asText().equals("ShipmentDispatched"))
                .extracting(e -> e.at("/data/orderId").asText()).containsExactly("o-2");
    }

    @Test
    void ship_shouldKeepUpdatingAndDispatchLate_whenTheCustomerIsACarrierLateTestCustomer() {
        ship("o-1", "carrier-late-c-1");
        clock.advance(Duration.ofSeconds(59));
        assertThat(partnerApi.types()).hasSize(12).doesNotContain("ShipmentDispatched");
        clock.advance(Duration.ofSeconds(1));
        assertThat(partnerApi.types()).hasSize(13).last().isEqualTo("ShipmentDispatched");
    }

    @Test
    void ship_shouldNeverPost_whenTheCustomerIsACarrierSilentTestCustomer() {
        assertThat(ship("o-1", "carrier-silent-c-1").status()).isEqualTo(202);
        clock.advance(Duration.ofDays(3));
        assertThat(partnerApi.events).isEmpty();
        assertThat(partnerApi.tokenRequests).isEmpty();
    }

    @Test
    void ship_shouldRetryWithBackoffAndTheSameId_whenThePartnerApiIsDownOrThrottles() {
        partnerApi.answer(503, 429, 403);
        ship("o-1", "c-1");
        clock.runDue();
        assertThat(partnerApi.events).isEmpty();
        clock.advance(Duration.ofSeconds(1));   // second attempt after 1 s
        clock.advance(Duration.ofSeconds(2));   // third after 2 s more
        assertThat(partnerApi.events).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(partnerApi.events).isEmpty();
        clock.advance(Duration.ofSeconds(1));   // fourth, 4 s after the third: taken

        assertThat(partnerApi.types()).containsExactly("ShipmentStatusUpdated ACCEPTED", "ShipmentStatusUpdated "
                + "AWAITING_PICKUP");
        assertThat(partnerApi.attempts).extracting(a -> a.substring(0, a.indexOf(' ')))
                .containsExactly("o-1:shp-000001:0", "o-1:shp-000001:0", "o-1:shp-000001:0", "o-1:shp-000001:0",
                        "o-1:shp-000001:1");
        assertThat(simulators.carrier().stat("retries")).isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(partnerApi.types()).last().isEqualTo("ShipmentDispatched");
    }

    @Test
    void ship_shouldFetchANewToken_whenThePartnerApiRefusesTheOldOne() {
        partnerApi.answer(401);
        ship("o-1", "c-1");
        clock.runDue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(partnerApi.tokenRequests).hasSize(2);
        assertThat(partnerApi.types()).containsExactly("ShipmentStatusUpdated ACCEPTED");
        assertThat(partnerApi.attempts).last().asString().contains("Bearer token-2");
    }

    @Test
    void ship_shouldKeepTheRefusedPostingAndGoOn_whenThePartnerApiRejectsIt() {
        partnerApi.answer(400);
        ship("o-1", "c-1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(partnerApi.types()).first().isEqualTo("ShipmentStatusUpdated AWAITING_PICKUP");
        assertThat(partnerApi.types()).last().isEqualTo("ShipmentDispatched");
        assertThat(simulators.carrier().stat("rejected")).isEqualTo(1);
    }

    @Test
    void start_shouldResumeThePostingsStillOwed_whenRestartedOnTheSameDataDirectory(@TempDir Path dir) {
        simulators.close();
        simulators = start(dir);
        ship("o-1", "c-1");
        partnerApi.answer(503);
        clock.runDue();                          // ACCEPTED meets an outage: owed, retry scheduled
        assertThat(partnerApi.events).isEmpty();
        simulators.close();

        simulators = start(dir);
        clock.advance(Duration.ofSeconds(1));
        assertThat(partnerApi.types()).containsExactly("ShipmentStatusUpdated ACCEPTED");
        clock.advance(Duration.ofMinutes(1));
        assertThat(partnerApi.types()).hasSize(4).last().isEqualTo("ShipmentDispatched");
        assertThat(ship("o-1", "c-1").body().get("shipmentId").asText()).isEqualTo("shp-000001");
        assertThat(ship("o-2", "c-1").body().get("shipmentId").asText()).isEqualTo("shp-000002");
    }

    @Test
    void ship_shouldPostEventsTheirSchemasAccept_whenShipmentsAreDispatchedOrFailed() {
        ship("o-1", "c-1");
        ship("o-2", "carrier-fail-c-2");
        ship("o-3", "carrier-late-c-3");
        clock.advance(Duration.ofMinutes(2));

        EventValidator validator = new EventValidator(SchemaRegistry.fromClasspath());
        assertThat(partnerApi.types()).contains("ShipmentStatusUpdated ACCEPTED", "ShipmentStatusUpdated AWAITING_PICKUP",
                "ShipmentDispatched", "ShipmentFailed");
        assertThat(partnerApi.events).allSatisfy(event -> {
            EventValidation validation = validator.validate(event);
            assertThat(validation.errors()).as(event.toString()).isEmpty();
            assertThat(validation.schema().label()).isEqualTo(event.get("type").asText() + " v1");
        });
    }

    @Test
    void ship_shouldNameTheProblem_whenTheRequestIsIncomplete() {
        assertThat(Http.post(simulators.carrierApiUrl() + "/v1/shipments", null, "{\"orderId\": \"o-1\", "
                + "\"customerId\": \"c-1\", \"lines\": []}").toString())
                .isEqualTo("400 {\"message\":\"member 'lines' is required (a non-empty array of {sku, quantity})\"}");
        assertThat(Http.post(simulators.carrierApiUrl() + "/v1/shipments", null, "{\"orderId\": \"o-1\", "
                + "\"customerId\": \"c-1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 0}]}").toString())
                .isEqualTo("400 {\"message\":\"lines[0] must have a string 'sku' and a whole 'quantity' >= 1\"}");
        assertThat(Http.call("GET", simulators.carrierApiUrl() + "/v1/shipments", null, null).status()).isEqualTo(405);
    }
}
