package io.nagare.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.simulators.PartnerSimulators;
import io.nagare.local.simulators.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against the payment gateway simulator: the two sides of the local contract agree. */
class HttpPaymentGatewayOnSimulatorTest {

    private static PartnerSimulators simulators;
    private static HttpPaymentGateway gateway;

    @BeforeAll
    static void start() {
        simulators = PartnerSimulators.start(SimulatorSettings.builder().port(0)
                .clock(new ManualClock(Instant.parse("2026-11-28T09:15:00Z")))
                .carrierCredentials("carrier", "unused").build());
        gateway = HttpPaymentGateway.create(URI.create(simulators.paymentGatewayUrl()), Duration.ofSeconds(10),
                StepJson.MAPPER);
    }

    @AfterAll
    static void stop() {
        simulators.close();
    }

    private static PaymentGateway.AuthorizationRequest request(String orderId, String customerId) {
        return new PaymentGateway.AuthorizationRequest(orderId, new BigDecimal("39.80"), "EUR", customerId);
    }

    private static long stat(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulators.paymentGatewayUrl() + "/_stats")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode stats = StepJson.MAPPER.readTree(response.body());
        return stats.path(name).asLong();
    }

    @Test
    void authorize_shouldChargeOnceAtTheProvider_whenTheCallIsRepeatedWithItsKey() throws Exception {
        long before = stat("authorizations");
        PaymentGateway.Authorization first = gateway.authorize(request("o-sim-1", "c-1"), "o-sim-1:authorize");
        PaymentGateway.Authorization second = gateway.authorize(request("o-sim-1", "c-1"), "o-sim-1:authorize");

        assertThat(second).isEqualTo(first);
        assertThat(stat("authorizations") - before).isEqualTo(1);

        gateway.capture(first.authorizationId(), "o-sim-1:capture");
        gateway.capture(first.authorizationId(), "o-sim-1:capture");
        String refundId = gateway.refund(first.authorizationId(), "o-sim-1:refund");
        assertThat(gateway.refund(first.authorizationId(), "o-sim-1:refund")).isEqualTo(refundId);
    }

    @Test
    void authorize_shouldMapTheTestCustomers_whenTheyAreDeclinedOrMeetAnOutage() {
        assertThatThrownBy(() -> gateway.authorize(request("o-sim-2", "decline-c-2"), "o-sim-2:authorize"))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        e -> assertThat(e.declineReason()).isEqualTo("INSUFFICIENT_FUNDS"));
        assertThatThrownBy(() -> gateway.authorize(request("o-sim-3", "outage-c-3"), "o-sim-3:authorize"))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageStartingWith("payment provider: POST /v1/authorizations answered 503");
    }

    @Test
    void refund_shouldBeAConflict_whenNothingWasCaptured() {
        PaymentGateway.Authorization authorization = gateway.authorize(request("o-sim-5", "c-5"), "o-sim-5:authorize");
        assertThatThrownBy(() -> gateway.refund(authorization.authorizationId(), "o-sim-5:refund"))
                .isInstanceOfSatisfying(PaymentGatewayException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void void_shouldBeARefusal_whenTheAuthorizationWasCaptured() {
        PaymentGateway.Authorization authorization = gateway.authorize(request("o-sim-4", "c-4"), "o-sim-4:authorize");
        gateway.capture(authorization.authorizationId(), "o-sim-4:capture");
        assertThatThrownBy(() -> gateway.voidAuthorization(authorization.authorizationId(), "o-sim-4:void"))
                .isInstanceOf(PaymentGatewayException.class).hasMessageContaining("answered 409");
    }
}
