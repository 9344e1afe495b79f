package io.nagare.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a loopback server answering what each test sets. */
class HttpPaymentGatewayTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile int status = 201;
    private volatile String body = "{\"authorizationId\": \"auth-1\", \"authorizationCode\": \"A123\"}";
    private volatile boolean hang;
    private HttpPaymentGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/payment-gateway", this::answer);
        server.start();
        gateway = gateway(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpPaymentGateway gateway(Duration timeout) {
        return HttpPaymentGateway.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/payment-gateway/"), timeout, StepJson.MAPPER);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + received);
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private PaymentGateway.AuthorizationRequest request() {
        return new PaymentGateway.AuthorizationRequest("o-1", new BigDecimal("39.80"), "EUR", "c-1");
    }

    @Test
    void authorize_shouldSendTheExactAmountAndTheIdempotencyKey_whenTheProviderGrants() throws IOException {
        assertThat(gateway.authorize(request(), "o-1:authorize"))
                .isEqualTo(new PaymentGateway.Authorization("auth-1", "A123"));
        assertThat(requests).singleElement().asString().startsWith("POST /payment-gateway/v1/authorizations o-1:authorize ");
        JsonNode sent = StepJson.MAPPER.readTree(requests.get(0).substring(requests.get(0).indexOf('{')));
        assertThat(sent.toString()).isEqualTo(
                "{\"reference\":\"o-1\",\"amount\":39.80,\"currency\":\"EUR\",\"customerId\":\"c-1\"}");
    }

    @Test
    void authorize_shouldThrowTheDecline_whenTheProviderAnswers402() {
        status = 402;
        body = "{\"declineReason\": \"INSUFFICIENT_FUNDS\", \"providerDeclineCode\": \"51\"}";
        assertThatThrownBy(() -> gateway.authorize(request(), "k"))
                .isInstanceOfSatisfying(PaymentDeclinedException.class, e -> {
                    assertThat(e.declineReason()).isEqualTo("INSUFFICIENT_FUNDS");
                    assertThat(e.providerDeclineCode()).isEqualTo("51");
                });
    }

    @Test
    void authorize_shouldBeUnavailable_whenTheProviderAnswers503Or500Or429() {
        for (int code : new int[] {503, 500, 429}) {
            status = code;
            body = "{\"message\": \"down\"}";
            assertThatThrownBy(() -> gateway.authorize(request(), "k"))
                    .isInstanceOf(PaymentProviderUnavailableException.class)
                    .hasMessage("payment provider: POST /v1/authorizations answered " + code + ": {\"message\": \"down\"}");
        }
    }

    @Test
    void authorize_shouldBeUnavailable_whenTheProviderDoesNotAnswerInTime() {
        hang = true;
        assertThatThrownBy(() -> gateway(Duration.ofMillis(300)).authorize(request(), "k"))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessage("payment provider: POST /v1/authorizations timed out after 300 ms");
    }

    @Test
    void authorize_shouldBeUnavailable_whenNothingListens() {
        server.stop(0);
        assertThatThrownBy(() -> gateway.authorize(request(), "k"))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageStartingWith("payment provider: POST /v1/authorizations failed: ");
    }

    @Test
    void capture_shouldBeARefusal_whenTheProviderDoesNotKnowTheAuthorization() {
        status = 404;
        body = "{\"message\": \"no authorization auth-9\"}";
        assertThatThrownBy(() -> gateway.capture("auth-9", "o-1:capture"))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessage("payment provider: POST /v1/authorizations/auth-9/capture answered 404 (expected 200): "
                        + "{\"message\": \"no authorization auth-9\"}");
    }

    @Test
    void refund_shouldReturnTheRefundId_whenTheProviderRefunds() {
        body = "{\"refundId\": \"ref-7\"}";
        assertThat(gateway.refund("auth-1", "o-1:refund")).isEqualTo("ref-7");
        assertThat(requests).singleElement().asString()
                .startsWith("POST /payment-gateway/v1/authorizations/auth-1/refund o-1:refund ");
    }

    @Test
    void authorize_shouldNameTheMissingField_whenTheAnswerLacksIt() {
        body = "{\"authorizationId\": \"auth-1\"}";
        assertThatThrownBy(() -> gateway.authorize(request(), "k")).isInstanceOf(PaymentGatewayException.class)
                .hasMessage("payment provider: the answer to POST /v1/authorizations has no string 'authorizationCode': "
                        + "{\"authorizationId\":\"auth-1\"}");
    }
}
