package io.nagare.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.schemas.SchemaRegistry;

/**
 * The platform's HTTP server ({@code :8080} under {@code ./nagare up}): plays API Gateway (HTTP API, JWT authorizer,
 * Lambda proxy integration, payload format 2.0) in front of the model's routes, and a Cognito-compatible OAuth2
 * issuer ({@code POST /oauth2/token}, {@code /.well-known/jwks.json}, {@code /.well-known/openid-configuration}).
 *
 * <pre>{@code
 * try (LocalGateway gateway = LocalGateway.start(GatewaySettings.builder(runtime.context(), model).build())) { ... }
 * }</pre>
 *
 * Starting it generates (once) the signing key and {@code partners.json} under the data directory and writes the
 * partners' grants to the {@code partners} table, which must exist by then.
 */
public final class LocalGateway implements AutoCloseable {

    /** API Gateway's own limit on an HTTP API request body. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RuntimeContext runtime;
    private final HttpServer server;
    private final ExecutorService executor;
    private final PartnerRegistry partners;
    private final OAuthIssuer issuer;
    private final JwtAuthorizer authorizer;
    private final HttpApiRoutes routes;
    private final FunctionIntegration integration;

    private LocalGateway(GatewaySettings settings) throws IOException {
        this.runtime = settings.runtime();
        this.routes = new HttpApiRoutes(settings.model().routes());
        this.integration = new FunctionIntegration(runtime);
        this.partners = PartnerRegistry.loadOrCreate(settings.dataDirectory(), SchemaRegistry.fromClasspath());
        RSAKey key = SigningKey.loadOrCreate(settings.dataDirectory());
        partners.writeGrants(runtime);

        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "nagare-gateway-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        String issuerUrl = settings.issuer() != null ? settings.issuer()
                : "http://localhost:" + server.getAddress().getPort();
        Supplier<Instant> clock = () -> runtime.clock().now();
        this.issuer = new OAuthIssuer(key, partners, clock, issuerUrl);
        Set<String> audiences = new LinkedHashSet<>();
        partners.partners().forEach(p -> audiences.add(p.clientId()));
        this.authorizer = new JwtAuthorizer(issuer.publicKeys(), issuerUrl, audiences, clock);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Starts the gateway.
     *
     * @throws IllegalStateException when the partners cannot be written to the {@code partners} table
     * @throws IllegalArgumentException when a route targets something other than a function ({@code not supported})
     * @throws UncheckedIOException when the port cannot be bound or the data directory written
     */
    public static LocalGateway start(GatewaySettings settings) {
        try {
            return new LocalGateway(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gateway on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The tokens' {@code iss}; the discovery document is at {@code issuer() + "/.well-known/openid-configuration"}. */
    public String issuer() {
        return issuer.issuer();
    }

    /** The partners of {@code partners.json}, secrets included. */
    public List<Partner> partners() {
        return partners.partners();
    }

    /** The partner named {@code name} ({@code storefront}, {@code carrier}). */
    public Optional<Partner> partner(String name) {
        return partners.partners().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            GatewayResponse response;
            try {
                response = answer(exchange);
            } catch (RuntimeException e) {
                System.err.println("nagare gateway: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " failed: " + e);
                response = GatewayResponse.message(500, "Internal Server Error");
            }
            send(exchange, response);
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    private GatewayResponse answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = exchange.getRequestURI().getPath();
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return GatewayResponse.message(413, "Request Entity Too Large");
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        switch (path) {
            case OAuthIssuer.TOKEN_PATH:
                return issuer.token(method, headers, body);
            case OAuthIssuer.JWKS_PATH:
                return method.equals("GET") ? issuer.jwks() : GatewayResponse.message(404, "Not Found");
            case OAuthIssuer.DISCOVERY_PATH:
                return method.equals("GET") ? issuer.discovery() : GatewayResponse.message(404, "Not Found");
            default:
                break;
        }
        Optional<HttpApiRoutes.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            return GatewayResponse.message(404, "Not Found");
        }
        JwtAuthorizer.Decision decision = null;
        if (!match.get().route().publicRoute()) {
            decision = authorizer.authorize(headers.get("authorization"), match.get().route().scopes());
            if (!decision.allowed()) {
                return decision.refusal();
            }
        }
        HttpApiEvent.Request request = new HttpApiEvent.Request(method, rawPath, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol());
        String requestId = requestId();
        ObjectNode event = HttpApiEvent.build(request, match.get(), decision, requestId, runtime.clock().now(),
                runtime.accountId(), Optional.ofNullable(headers.get("host")).map(h -> h.split(":", 2)[0])
                        .orElse("localhost"));
        return integration.invoke(match.get().route().target().name(), event).withHeader("apigw-requestid", requestId);
    }

    /** The body, or null when it is over {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, GatewayResponse response) throws IOException {
        response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** API Gateway's request ids look like {@code JKJaXmPLvHcESHA=}. */
    private static String requestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
