package io.nagare.local.simulators;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import io.nagare.local.runtime.LocalClock;

/**
 * How {@link PartnerSimulators} run. Defaults suit {@code ./nagare up}: port 8090 on the loopback interface, state in
 * memory unless a data directory is given, the partner API on {@code http://localhost:8080}, no latency, no declines,
 * no outages, no random carrier failures; the carrier accepts at once, posts a tracking update every 5 s, dispatches
 * after 10 s ({@code carrier-late-*} customers after 60 s).
 */
public final class SimulatorSettings {

    final String host;
    final int port;
    final Path dataDirectory;
    final LocalClock clock;
    final URI partnerApiUrl;
    final URI tokenUrl;
    final String carrierClientId;
    final String carrierClientSecret;
    final String carrierId;
    final PaymentGatewayConfig paymentGateway;
    final CarrierConfig carrier;
    final RandomGenerator random;
    final Executor postingExecutor;

    private SimulatorSettings(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.dataDirectory = b.dataDirectory;
        this.clock = b.clock;
        this.partnerApiUrl = b.partnerApiUrl;
        this.tokenUrl = b.tokenUrl != null ? b.tokenUrl : URI.create(trimmed(b.partnerApiUrl) + "/oauth2/token");
        this.carrierClientId = b.carrierClientId;
        this.carrierClientSecret = b.carrierClientSecret;
        this.carrierId = b.carrierId;
        this.paymentGateway = new PaymentGatewayConfig(b.paymentLatency.toMillis(), b.declineRate, b.outageRate);
        this.carrier = new CarrierConfig(b.statusInterval.toSeconds(), b.dispatchDelay.toSeconds(),
                b.lateDispatchDelay.toSeconds(), b.carrierFailureRate);
        this.random = b.random;
        this.postingExecutor = b.postingExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    static String trimmed(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8090;
        private Path dataDirectory;
        private LocalClock clock;
        private URI partnerApiUrl = URI.create("http://localhost:8080");
        private URI tokenUrl;
        private String carrierClientId;
        private String carrierClientSecret;
        private String carrierId = "nagare-sim-carrier";
        private Duration paymentLatency = Duration.ZERO;
        private double declineRate;
        private double outageRate;
        private Duration statusInterval = Duration.ofSeconds(5);
        private Duration dispatchDelay = Duration.ofSeconds(10);
        private Duration lateDispatchDelay = Duration.ofSeconds(60);
        private double carrierFailureRate;
        private RandomGenerator random = new Random();
        private Executor postingExecutor;

        private Builder() {
        }

        /** The interface to listen on (default loopback). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 picks a free port (tests); default 8090. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Where the simulators keep their state ({@code simulators.mv.db}); none keeps it in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** The runtime's clock (required): latency and the carrier's postings are scheduled on it. */
        public Builder clock(LocalClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The partner API the carrier posts its events to ({@code POST {partnerApiUrl}/v1/events}). */
        public Builder partnerApiUrl(URI partnerApiUrl) {
            this.partnerApiUrl = Objects.requireNonNull(partnerApiUrl, "partnerApiUrl");
            return this;
        }

        /** The OAuth2 token endpoint; default {@code {partnerApiUrl}/oauth2/token}. */
        public Builder tokenUrl(URI tokenUrl) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            return this;
        }

        /** The carrier partner's OAuth client credentials (required). */
        public Builder carrierCredentials(String clientId, String clientSecret) {
            this.carrierClientId = Objects.requireNonNull(clientId, "clientId");
            this.carrierClientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** The carrier's identifier in its events (default {@code nagare-sim-carrier}, shipping's local default). */
        public Builder carrierId(String carrierId) {
            this.carrierId = Objects.requireNonNull(carrierId, "carrierId");
            return this;
        }

        public Builder paymentLatency(Duration latency) {
            this.paymentLatency = nonNegative(latency, "paymentLatency");
            return this;
        }

        /** Share of authorizations declined at random, 0-1. */
        public Builder declineRate(double rate) {
            this.declineRate = PaymentGatewayConfig.rate(rate, "declineRate");
            return this;
        }

        /** Share of payment gateway calls meeting a 503 at random, 0-1. */
        public Builder outageRate(double rate) {
            this.outageRate = PaymentGatewayConfig.rate(rate, "outageRate");
            return this;
        }

        /** How often the carrier posts AWAITING_PICKUP until it dispatches; shorter than the saga's heartbeat. */
        public Builder statusInterval(Duration interval) {
            this.statusInterval = positive(interval, "statusInterval");
            return this;
        }

        public Builder dispatchDelay(Duration delay) {
            this.dispatchDelay = positive(delay, "dispatchDelay");
            return this;
        }

        /** When {@code carrier-late-*} orders are dispatched; within the saga's timeout. */
        public Builder lateDispatchDelay(Duration delay) {
            this.lateDispatchDelay = positive(delay, "lateDispatchDelay");
            return this;
        }

        /** Share of shipments the carrier fails at random, 0-1. */
        public Builder carrierFailureRate(double rate) {
            this.carrierFailureRate = PaymentGatewayConfig.rate(rate, "carrierFailureRate");
            return this;
        }

        /** The source of every random decision (declines, outages, failures, codes); tests pass a scripted one. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Runs the carrier's postings; tests pass {@code Runnable::run} to post on the thread advancing the clock. */
        Builder postingExecutor(Executor executor) {
            this.postingExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public SimulatorSettings build() {
            if (clock == null) {
                throw new IllegalArgumentException("simulator settings: a clock is required (the runtime's LocalClock)");
            }
            if (carrierClientId == null) {
                throw new IllegalArgumentException("simulator settings: the carrier's client credentials are required"
                        + " (carrierCredentials(clientId, clientSecret)): the carrier posts its events through the"
                        + " partner API");
            }
            return new SimulatorSettings(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.toSeconds() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 s: " + value);
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
