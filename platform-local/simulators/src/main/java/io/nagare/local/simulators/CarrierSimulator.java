package io.nagare.local.simulators;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.nagare.local.runtime.LocalClock;
import org.h2.mvstore.MVMap;

/**
 * A carrier partner under {@code /carrier} (docs/order-process.md). {@code POST /v1/shipments} answers 202 with the
 * shipment id (one shipment per order, however often it is asked); the carrier then posts, as the carrier partner
 * through the partner API, ShipmentStatusUpdated ACCEPTED at once, AWAITING_PICKUP every status interval, and
 * ShipmentDispatched after the dispatch delay, or ShipmentFailed. Customers {@code carrier-fail-*} fail,
 * {@code carrier-late-*} are dispatched after the late delay, {@code carrier-silent-*} are never answered.
 *
 * <p>Each shipment's postings go out one at a time, in order, on the runtime's clock. Its progress is kept in the
 * store; a posting the partner API did not take (no answer, 401, 403, 404, 429, 5xx) is tried again with back-off (1 s doubling
 * to 60 s) and never dropped, also across restarts. Each posting has a fixed CloudEvent id ({@code <orderId>:<shipmentId>:<n>}),
 * so one sent again after a lost answer is dropped as a duplicate by the partner API. A posting the partner API
 * refuses as such (400, 413, 415, 422) is kept in {@code carrier-rejected} and logged.
 */
final class CarrierSimulator implements HttpHandler, AutoCloseable {

    static final String PREFIX = "/carrier";
    static final String SOURCE = "nagare.partner.carrier";
    private static final System.Logger LOG = System.getLogger(CarrierSimulator.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final SimulatorStore store;
    private final MVMap<String, String> shipments;
    private final MVMap<String, String> rejected;
    private final LocalClock clock;
    private final RandomGenerator random;
    private final PartnerApiClient partnerApi;
    private final Executor executor;
    private final String carrierId;
    private final Map<String, LocalClock.Timer> scheduled = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> stats = new ConcurrentHashMap<>();
    private volatile CarrierConfig config;
    private volatile boolean closed;

    CarrierSimulator(SimulatorStore store, LocalClock clock, RandomGenerator random, PartnerApiClient partnerApi,
                     Executor executor, String carrierId, CarrierConfig config) {
        this.store = store;
        this.shipments = store.map("carrier-shipments");
        this.rejected = store.map("carrier-rejected");
        this.clock = clock;
        this.random = random;
        this.partnerApi = partnerApi;
        this.executor = executor;
        this.carrierId = carrierId;
        this.config = config;
    }

    /** Picks up the postings still owed from an earlier run. */
    void resume() {
        for (String orderId : shipments.keySet()) {
            JsonNode shipment = Json.parse(shipments.get(orderId));
            if (!shipment.path("done").asBoolean()) {
                schedule(orderId, clock.now());
            }
        }
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
                counts.put("pending", scheduled.size());
                Json.send(exchange, 200, counts);
                return;
            }
            if (!path.equals("/v1/shipments")) {
                throw new BadRequestException(404, "no such resource: " + path + "; the carrier serves POST "
                        + "/v1/shipments");
            }
            if (!method.equals("POST")) {
                throw new BadRequestException(405, "/v1/shipments takes POST, not " + method);
            }
            ObjectNode answer = Json.MAPPER.createObjectNode().put("shipmentId", request(Json.read(exchange)));
            Json.send(exchange, 202, answer);
        } catch (BadRequestException e) {
            Json.send(exchange, e.status(), Json.message(e.getMessage()));
        } catch (RuntimeException e) {
            Json.send(exchange, 500, Json.message("carrier simulator failed: " + e));
        }
    }

    long stat(String name) {
        return stats.getOrDefault(name, new AtomicLong()).get();
    }

    private void count(String name) {
        stats.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
    }

    private String request(JsonNode body) {
        String orderId = Json.text(body, "orderId");
        String customerId = Json.text(body, "customerId");
        JsonNode lines = body.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw new BadRequestException("member 'lines' is required (a non-empty array of {sku, quantity})");
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            if (!line.path("sku").isTextual() || !line.path("quantity").canConvertToExactIntegral()
                    || line.path("quantity").asLong() < 1) {
                throw new BadRequestException("lines[" + i + "] must have a string 'sku' and a whole 'quantity' >= 1");
            }
        }
        String shipmentId;
        boolean silent;
        synchronized (this) {
            String existing = shipments.get(orderId);
            if (existing != null) {
                count("repeatedRequests");
                return Json.parse(existing).get("shipmentId").asText();
            }
            CarrierConfig plan = config;
            Instant createdAt = clock.now().truncatedTo(ChronoUnit.SECONDS);
            boolean late = customerId.startsWith("carrier-late-");
            silent = customerId.startsWith("carrier-silent-");
            String outcome = silent ? "SILENT"
                    : customerId.startsWith("carrier-fail-") || random.nextDouble() < plan.failureRate() ? "FAILED"
                    : "DISPATCHED";
            shipmentId = String.format("shp-%06d", store.next("shipments"));
            ObjectNode shipment = Json.MAPPER.createObjectNode();
            shipment.put("orderId", orderId);
            shipment.put("shipmentId", shipmentId);
            shipment.put("customerId", customerId);
            shipment.put("trackingNumber", String.format("NSC%09d", random.nextInt(1_000_000_000)));
            shipment.put("outcome", outcome);
            shipment.put("createdAt", createdAt.toString());
            shipment.put("outcomeAt", createdAt.plusSeconds(late ? plan.lateDispatchDelaySeconds()
                    : plan.dispatchDelaySeconds()).toString());
            shipment.put("statusIntervalSeconds", plan.statusIntervalSeconds());
            shipment.put("posted", 0);
            shipment.put("attempts", 0);
            shipment.put("done", silent);
            shipments.put(orderId, shipment.toString());
            store.commit();
            count("shipments");
        }
        if (!silent) {
            schedule(orderId, clock.now());
        }
        return shipmentId;
    }

    private void schedule(String orderId, Instant at) {
        if (closed) {
            return;
        }
        scheduled.computeIfAbsent(orderId, o -> clock.schedule(at, () -> executor.execute(() -> deliver(o))));
    }

    private void deliver(String orderId) {
        scheduled.remove(orderId);
        if (closed) {
            return;
        }
        try {
            deliverNext(orderId);
        } catch (RuntimeException e) {
            if (closed) {
                return; // the store closed under a posting in flight: the next start resumes it
            }
            // whatever went wrong, the posting stays owed: try again later rather than lose it
            LOG.log(System.Logger.Level.WARNING, "carrier simulator: posting for order '" + orderId + "' failed: " + e
                    + "; trying again in " + MAX_BACKOFF.toSeconds() + " s");
            schedule(orderId, clock.now().plus(MAX_BACKOFF));
        }
    }

    private void deliverNext(String orderId) {
        ObjectNode shipment = (ObjectNode) Json.parse(shipments.get(orderId));
        Posting posting = Posting.of(shipment, shipment.get("posted").asInt());
        if (posting == null) {
            shipment.put("done", true);
            save(shipment);
            return;
        }
        Instant now = clock.now();
        Instant notBefore = shipment.hasNonNull("retryAt") ? later(posting.due(), Instant.parse(
                shipment.get("retryAt").asText())) : posting.due();
        if (now.isBefore(notBefore)) {
            schedule(orderId, notBefore);
            return;
        }
        PartnerApiClient.Result result = partnerApi.post(posting.cloudEvent(carrierId));
        switch (result.outcome()) {
            case DELIVERED -> {
                count("posted");
                next(shipment);
            }
            case RETRY -> {
                int attempts = shipment.get("attempts").asInt() + 1;
                Duration backoff = Duration.ofSeconds(1L << Math.min(attempts - 1, 6));
                Instant retryAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
                shipment.put("attempts", attempts).put("retryAt", retryAt.toString());
                save(shipment);
                count("retries");
                LOG.log(System.Logger.Level.INFO, "carrier simulator: " + posting.type() + " for order '" + orderId
                        + "' not taken (" + result.detail() + "); attempt " + (attempts + 1) + " at " + retryAt);
                schedule(orderId, retryAt);
                return;
            }
            default -> {
                ObjectNode refusal = Json.MAPPER.createObjectNode();
                refusal.set("cloudEvent", posting.cloudEvent(carrierId));
                refusal.put("answer", result.detail());
                rejected.put(orderId + "-" + shipment.get("posted").asInt(), refusal.toString());
                count("rejected");
                LOG.log(System.Logger.Level.WARNING, "carrier simulator: the partner API refused " + posting.type()
                        + " for order '" + orderId + "' (" + result.detail() + "); kept in carrier-rejected");
                next(shipment);
            }
        }
    }

    private void next(ObjectNode shipment) {
        int posted = shipment.get("posted").asInt() + 1;
        shipment.put("posted", posted).put("attempts", 0).remove("retryAt");
        Posting following = Posting.of(shipment, posted);
        shipment.put("done", following == null);
        save(shipment);
        if (following != null) {
            schedule(shipment.get("orderId").asText(), following.due());
        }
    }

    private void save(ObjectNode shipment) {
        shipments.put(shipment.get("orderId").asText(), shipment.toString());
        store.commit();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public void close() {
        closed = true;
        scheduled.values().forEach(LocalClock.Timer::cancel);
        scheduled.clear();
    }
}
