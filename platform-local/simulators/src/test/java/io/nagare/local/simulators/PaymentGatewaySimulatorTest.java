package io.nagare.local.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.nagare.local.runtime.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaymentGatewaySimulatorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T09:15:00Z"));
    private final ScriptedRandom random = new ScriptedRandom(0.99);
    private PartnerSimulators simulators = start(SimulatorSettings.builder());

    private PartnerSimulators start(SimulatorSettings.Builder settings) {
        return PartnerSimulators.start(settings.port(0).clock(clock).random(random)
                .partnerApiUrl(URI.create("http://127.0.0.1:9")).carrierCredentials("carrier", "secret")
                .postingExecutor(Runnable::run).build());
    }

    @AfterEach
    void stop() {
        simulators.close();
    }

    private String url(String path) {
        return simulators.paymentGatewayUrl() + path;
    }

    private Http.Response authorize(String key, String customerId) {
        return Http.post(url("/v1/authorizations"), key, "{\"reference\": \"o-1\", \"amount\": 39.80, \"currency\": "
                + "\"EUR\", \"customerId\": \"" + customerId + "\"}");
    }

    private long stat(String name) {
        return simulators.paymentGateway().stat(name);
    }

    @Test
    void authorize_shouldHoldOnceAndAnswerTheSame_whenTheKeyIsRepeated() {
        Http.Response first = authorize("o-1:authorize", "c-1");
        Http.Response second = authorize("o-1:authorize", "c-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("authorizationId").asText()).isEqualTo("auth-000001");
        assertThat(first.body().get("authorizationCode").asText()).isEqualTo("004242");
        assertThat(second).isEqualTo(first);
        assertThat(stat("authorizations")).isEqualTo(1);
        assertThat(stat("replays")).isEqualTo(1);
    }

    @Test
    void authorize_shouldRefuse_whenTheKeyIsReusedForAnotherRequest() {
        authorize("k-1", "c-1");
        Http.Response reused = Http.post(url("/v1/authorizations"), "k-1", "{\"reference\": \"o-2\", \"amount\": 5, "
                + "\"currency\": \"EUR\", \"customerId\": \"c-1\"}");
        assertThat(reused.toString()).isEqualTo("422 {\"message\":\"Idempotency-Key 'k-1' was used for another request"
                + " to /v1/authorizations; use a new key for a new request\"}");
    }

    @Test
    void authorize_shouldDecline_whenTheCustomerIsADeclineTestCustomer() {
        Http.Response declined = authorize("k", "decline-c-1");
        assertThat(declined.toString())
                .isEqualTo("402 {\"declineReason\":\"INSUFFICIENT_FUNDS\",\"providerDeclineCode\":\"51\"}");
        assertThat(authorize("k", "decline-c-1")).isEqualTo(declined);
        assertThat(stat("declines")).isEqualTo(1);
    }

    @Test
    void authorize_shouldAlwaysMeetAnOutageAndKeepNoAnswer_whenTheCustomerIsAnOutageTestCustomer() {
        for (int i = 0; i < 3; i++) {
            assertThat(authorize("k", "outage-c-1").status()).isEqualTo(503);
        }
        assertThat(stat("outages")).isEqualTo(3);
        assertThat(stat("replays")).isZero();
    }

    @Test
    void authorize_shouldFollowTheConfiguredRates_whenTheRandomSourceDecides() {
        assertThat(Http.call("PUT", url("/_config"), null, "{\"declineRate\": 0.5, \"outageRate\": 0.2}").toString())
                .isEqualTo("200 {\"latencyMs\":0,\"declineRate\":0.5,\"outageRate\":0.2}");
        random.then(0.1);              // outage draw below 0.2
        assertThat(authorize("a", "c-1").status()).isEqualTo(503);
        random.then(0.3, 0.4);         // no outage; decline draw below 0.5
        assertThat(authorize("b", "c-1").body().get("declineReason").asText()).isEqualTo("DO_NOT_HONOR");
        random.then(0.3, 0.6);         // no outage, no decline
        assertThat(authorize("c", "c-1").status()).isEqualTo(201);
    }

    @Test
    void config_shouldNameWhatIsAccepted_whenAValueIsWrong() {
        assertThat(Http.call("PUT", url("/_config"), null, "{\"declineRate\": 1.5}").toString())
                .isEqualTo("400 {\"message\":\"declineRate must be between 0 and 1: 1.5\"}");
        assertThat(Http.call("PUT", url("/_config"), null, "{\"latency\": 10}").toString())
                .isEqualTo("400 {\"message\":\"unknown configuration member 'latency'; accepted: latencyMs (0-60000),"
                        + " declineRate (0-1), outageRate (0-1)\"}");
        assertThat(Http.call("GET", url("/_config"), null, null).body().get("declineRate").asDouble()).isZero();
    }

    @Test
    void authorize_shouldNameTheMember_whenTheRequestLacksIt() {
        assertThat(Http.post(url("/v1/authorizations"), "k", "{\"reference\": \"o-1\", \"currency\": \"EUR\", "
                + "\"customerId\": \"c\"}").toString())
                .isEqualTo("400 {\"message\":\"member 'amount' is required (a number >= 0)\"}");
    }

    @Test
    void capture_shouldChargeOnce_whenCalledAgainWithTheSameOrANewKey() {
        String id = authorize("a", "c-1").body().get("authorizationId").asText();
        Http.Response first = Http.post(url("/v1/authorizations/" + id + "/capture"), "o-1:capture", "{}");
        Http.Response replay = Http.post(url("/v1/authorizations/" + id + "/capture"), "o-1:capture", "{}");
        Http.Response again = Http.post(url("/v1/authorizations/" + id + "/capture"), "another", "{}");

        assertThat(first.toString()).isEqualTo("200 {\"authorizationId\":\"" + id + "\",\"status\":\"CAPTURED\"}");
        assertThat(replay).isEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(stat("captures")).isEqualTo(1);
    }

    @Test
    void void_shouldConflict_whenTheAuthorizationWasCaptured() {
        String id = authorize("a", "c-1").body().get("authorizationId").asText();
        Http.post(url("/v1/authorizations/" + id + "/capture"), "c", "{}");
        assertThat(Http.post(url("/v1/authorizations/" + id + "/void"), "v", "{}").toString())
                .isEqualTo("409 {\"message\":\"authorization '" + id + "' is CAPTURED: it cannot be voided\"}");
    }

    @Test
    void refund_shouldRefundOnce_whenCalledTwice() {
        String id = authorize("a", "c-1").body().get("authorizationId").asText();
        Http.post(url("/v1/authorizations/" + id + "/capture"), "c", "{}");
        Http.Response first = Http.post(url("/v1/authorizations/" + id + "/refund"), "r-1", "{}");
        Http.Response second = Http.post(url("/v1/authorizations/" + id + "/refund"), "r-2", "{}");

        assertThat(first.toString()).isEqualTo("201 {\"refundId\":\"ref-000001\",\"amount\":39.80}");
        assertThat(second).isEqualTo(first);
        assertThat(stat("refunds")).isEqualTo(1);
        assertThat(Http.post(url("/v1/authorizations/auth-999999/refund"), "r", "{}").status()).isEqualTo(404);
    }

    @Test
    void authorize_shouldAnswerAfterTheLatency_whenTheClockReachesIt() throws Exception {
        Http.call("PUT", url("/_config"), null, "{\"latencyMs\": 2000}");
        CompletableFuture<Http.Response> answer = CompletableFuture.supplyAsync(() -> authorize("a", "c-1"));
        // the request waits on the clock: wait until its timer is scheduled, then move time past it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (clock.pending() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(answer).isNotDone();
        clock.advance(Duration.ofMillis(1999));
        assertThat(answer).isNotDone();
        clock.advance(Duration.ofMillis(1));
        assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
    }

    @Test
    void start_shouldKeepAuthorizations_whenRestartedOnTheSameDataDirectory(@org.junit.jupiter.api.io.TempDir
                                                                             java.nio.file.Path dir) {
        simulators.close();
        simulators = start(SimulatorSettings.builder().dataDirectory(dir));
        String id = authorize("a", "c-1").body().get("authorizationId").asText();
        simulators.close();

        simulators = start(SimulatorSettings.builder().dataDirectory(dir));
        assertThat(Http.post(url("/v1/authorizations/" + id + "/capture"), "c", "{}").status()).isEqualTo(200);
        assertThat(authorize("a", "c-1").body().get("authorizationId").asText()).isEqualTo(id);
        assertThat(authorize("b", "c-1").body().get("authorizationId").asText()).isEqualTo("auth-000002");
    }
}
