package io.nagare.local.simulators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.nagare.local.runtime.LocalClock;
import org.h2.mvstore.MVMap;

/**
 * A card payment provider under {@code /payment-gateway} (docs/order-process.md): authorizations (201, or 402 with a
 * decline reason), capture, void and refund of an authorization, 503 in an outage; every POST idempotent on its
 * {@code Idempotency-Key}, as Stripe and Adyen are: a repeated key answers the first answer (an outage is not an answer
 * and is not kept), a key reused for another request is refused (422). Test customers: {@code decline-*} are always
 * declined, {@code outage-*} always meet an outage.
 */
final class PaymentGatewaySimulator implements HttpHandler {

    static final String PREFIX = "/payment-gateway";
    private static final Pattern OPERATION = Pattern.compile("/v1/authorizations/([^/]+)/(capture|void|refund)");

    private final SimulatorStore store;
    private final MVMap<String, String> authorizations;
    private final MVMap<String, String> answers;
    private final LocalClock clock;
    private final RandomGenerator random;
    private final Map<String, AtomicLong> stats = new ConcurrentHashMap<>();
    private volatile PaymentGatewayConfig config;

    PaymentGatewaySimulator(SimulatorStore store, LocalClock clock, RandomGenerator random,
                            PaymentGatewayConfig config) {
        this.store = store;
        this.authorizations = store.map("payment-gateway-authorizations");
        this.answers = store.map("payment-gateway-idempotency");
        this.clock = clock;
        this.random = random;
        this.config = config;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (path.equals("/_config")) {
                if (method.equals("PUT")) {
                    config = config.with(Json.read(exchange));
                } else if (!method.equals("GET")) {
                    throw new BadRequestException(405, "/_config takes GET or PUT, not " + method);
                }
                Json.send(exchange, 200, config.toJson());
                return;
            }
            if (path.equals("/_stats") && method.equals("GET")) {
                ObjectNode counts = Json.MAPPER.createObjectNode();
                stats.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> counts.put(e.getKey(), e.getValue().get()));
                Json.send(exchange, 200, counts);
                return;
            }
            if (!method.equals("POST")) {
                throw new BadRequestException(405, "the payment gateway takes POST on " + path + ", not " + method);
            }
            JsonNode body = Json.read(exchange);
            count("requests");
            delay();
            Answer answer = answer(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
            Json.send(exchange, answer.status(), answer.body());
        } catch (BadRequestException e) {
            Json.send(exchange, e.status(), Json.message(e.getMessage()));
        } catch (RuntimeException e) {
            Json.send(exchange, 500, Json.message("payment gateway simulator failed: " + e));
        }
    }

    /** Counts by name, for tests and operators ({@code GET /payment-gateway/_stats}). */
    long stat(String name) {
        return stats.getOrDefault(name, new AtomicLong()).get();
    }

    private void count(String name) {
        stats.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    /** The configured latency, waited on the runtime's clock (tests advance it). */
    private void delay() {
        long latency = config.latencyMs();
        if (latency == 0) {
            return;
        }
        CountDownLatch due = new CountDownLatch(1);
        clock.schedule(clock.now().plusMillis(latency), due::countDown);
        try {
            due.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating latency", e);
        }
    }

    private synchronized Answer answer(String path, String idempotencyKey, JsonNode body) {
        String fingerprint = path + " " + body;
        String keyed = idempotencyKey == null ? null : idempotencyKey + " " + path;
        if (keyed != null) {
            String previous = answers.get(keyed);
            if (previous != null) {
                JsonNode stored = Json.parse(previous);
                if (!stored.get("fingerprint").asText().equals(digest(fingerprint))) {
                    throw new BadRequestException(422, "Idempotency-Key '" + idempotencyKey + "' was used for another"
                            + " request to " + path + "; use a new key for a new request");
                }
                count("replays");
                return new Answer(stored.get("status").asInt(), stored.get("body").toString());
            }
        }
        Answer answer;
        if (path.equals("/v1/authorizations")) {
            answer = authorize(body);
        } else {
            Matcher operation = OPERATION.matcher(path);
            if (!operation.matches()) {
                throw new BadRequestException(404, "no such resource: " + path + "; the gateway serves POST "
                        + "/v1/authorizations and POST /v1/authorizations/{id}/capture | void | refund");
            }
            answer = operate(operation.group(1), operation.group(2));
        }
        // an outage is no answer: the retry must meet the provider again
        if (keyed != null && answer.status() != 503) {
            ObjectNode stored = Json.MAPPER.createObjectNode();
            stored.put("fingerprint", digest(fingerprint));
            stored.put("status", answer.status());
            stored.set("body", Json.parse(answer.body()));
            answers.put(keyed, stored.toString());
        }
        store.commit();
        return answer;
    }

    private Answer authorize(JsonNode body) {
        String reference = Json.text(body, "reference");
        String currency = Json.text(body, "currency");
        String customerId = Json.text(body, "customerId");
        JsonNode amount = body.get("amount");
        if (amount == null || !amount.isNumber() || amount.decimalValue().signum() < 0) {
            throw new BadRequestException("member 'amount' is required (a number >= 0)");
        }
        if (outage(customerId)) {
            return outageAnswer();
        }
        if (customerId.startsWith("decline-")) {
            return decline("INSUFFICIENT_FUNDS", "51");
        }
        if (random.nextDouble() < config.declineRate()) {
            return decline("DO_NOT_HONOR", "05");
        }
        String id = String.format("auth-%06d", store.next("authorizations"));
        ObjectNode authorization = Json.MAPPER.createObjectNode();
        authorization.put("authorizationId", id);
        authorization.put("authorizationCode", String.format("%06d", random.nextInt(1_000_000)));
        authorization.put("reference", reference);
        authorization.put("amount", amount.decimalValue());
        authorization.put("currency", currency);
        authorization.put("customerId", customerId);
        authorization.put("status", "AUTHORIZED");
        authorization.put("authorizedAt", clock.now().toString());
        authorizations.put(id, authorization.toString());
        count("authorizations");
        ObjectNode granted = Json.MAPPER.createObjectNode();
        granted.put("authorizationId", id);
        granted.put("authorizationCode", authorization.get("authorizationCode").asText());
        return new Answer(201, granted.toString());
    }

    private Answer operate(String id, String operation) {
        String stored = authorizations.get(id);
        if (stored == null) {
            throw new BadRequestException(404, "no authorization '" + id + "'");
        }
        ObjectNode authorization = (ObjectNode) Json.parse(stored);
        if (outage(authorization.get("customerId").asText())) {
            return outageAnswer();
        }
        String status = authorization.get("status").asText();
        Instant now = clock.now();
        switch (operation) {
            case "capture" -> {
                if (status.equals("AUTHORIZED")) {
                    authorization.put("status", "CAPTURED").put("capturedAt", now.toString());
                    count("captures");
                } else if (!status.equals("CAPTURED")) {
                    return conflict(id, status, operation);
                }
                return saved(authorization, 200);
            }
            case "void" -> {
                if (status.equals("AUTHORIZED")) {
                    authorization.put("status", "VOIDED").put("voidedAt", now.toString());
                    count("voids");
                } else if (!status.equals("VOIDED")) {
                    return conflict(id, status, operation);
                }
                return saved(authorization, 200);
            }
            default -> {
                if (status.equals("CAPTURED")) {
                    authorization.put("status", "REFUNDED").put("refundedAt", now.toString())
                            .put("refundId", String.format("ref-%06d", store.next("refunds")));
                    count("refunds");
                } else if (!status.equals("REFUNDED")) {
                    return conflict(id, status, operation);
                }
                ObjectNode refund = Json.MAPPER.createObjectNode();
                refund.put("refundId", authorization.get("refundId").asText());
                refund.set("amount", authorization.get("amount"));
                saved(authorization, 201);
                return new Answer(201, refund.toString());
            }
        }
    }

    private Answer saved(ObjectNode authorization, int status) {
        authorizations.put(authorization.get("authorizationId").asText(), authorization.toString());
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("authorizationId", authorization.get("authorizationId").asText());
        answer.put("status", authorization.get("status").asText());
        return new Answer(status, answer.toString());
    }

    private boolean outage(String customerId) {
        return customerId.startsWith("outage-") || random.nextDouble() < config.outageRate();
    }

    private Answer outageAnswer() {
        count("outages");
        return new Answer(503, Json.message("payment gateway unavailable (simulated outage)").toString());
    }

    private Answer decline(String reason, String code) {
        count("declines");
        ObjectNode declined = Json.MAPPER.createObjectNode();
        declined.put("declineReason", reason);
        declined.put("providerDeclineCode", code);
        return new Answer(402, declined.toString());
    }

    private static Answer conflict(String id, String status, String operation) {
        return new Answer(409, Json.message("authorization '" + id + "' is " + status + ": it cannot be "
                + (operation.equals("void") ? "voided" : operation + "d")).toString());
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String body) {
    }
}
