package io.nagare.local.simulators;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The platform's partner API and OAuth2 issuer as the carrier meets them: {@code POST /oauth2/token} hands out
 * {@code token-N}; {@code POST /v1/events} takes events with the current token, answering the scripted statuses first.
 */
final class FakePartnerApi implements AutoCloseable {

    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final HttpServer server;

    FakePartnerApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/v1/events", this::event);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void answer(int... scripted) {
        for (int status : scripted) {
            statuses.add(status);
        }
    }

    List<String> types() {
        return events.stream().map(e -> e.get("type").asText() + (e.at("/data/status").isMissingNode() ? ""
                : " " + e.at("/data/status").asText())).collect(Collectors.toList());
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        send(exchange, 200, "{\"access_token\": \"token-" + tokens.incrementAndGet()
                + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}");
    }

    private void event(HttpExchange exchange) throws IOException {
        JsonNode event = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        attempts.add(event.get("id").asText() + " " + authorization + " "
                + exchange.getRequestHeaders().getFirst("Content-Type"));
        Integer scripted;
        synchronized (this) {
            scripted = statuses.poll();
        }
        if (scripted == null && !("Bearer token-" + tokens.get()).equals(authorization)) {
            scripted = 401;
        }
        if (scripted != null && scripted != 202) {
            send(exchange, scripted, "{\"message\": \"scripted " + scripted + "\"}");
            return;
        }
        events.add(event);
        send(exchange, 202, "{\"id\": \"" + event.get("id").asText() + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
