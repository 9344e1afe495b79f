package io.nagare.local.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * The partners outside the platform, on one HTTP port (8090 locally): the payment gateway under
 * {@code /payment-gateway} and the carrier under {@code /carrier} (docs/order-process.md, README.md here).
 *
 * <pre>{@code
 * try (PartnerSimulators partners = PartnerSimulators.start(SimulatorSettings.builder()
 *         .clock(runtime.context().clock()).dataDirectory(dataDir.resolve("simulators"))
 *         .carrierCredentials(carrier.clientId(), carrier.clientSecret()).build())) {
 *     ... partners.port() ...
 * }
 * }</pre>
 */
public final class PartnerSimulators implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ExecutorService postingThreads;
    private final SimulatorStore store;
    private final PaymentGatewaySimulator paymentGateway;
    private final CarrierSimulator carrier;

    private PartnerSimulators(HttpServer server, ExecutorService httpThreads, ExecutorService postingThreads,
                              SimulatorStore store, PaymentGatewaySimulator paymentGateway, CarrierSimulator carrier) {
        this.server = server;
        this.httpThreads = httpThreads;
        this.postingThreads = postingThreads;
        this.store = store;
        this.paymentGateway = paymentGateway;
        this.carrier = carrier;
    }

    /** Opens the state, starts listening and resumes the carrier's postings still owed from an earlier run. */
    public static PartnerSimulators start(SimulatorSettings settings) {
        SimulatorStore store = SimulatorStore.open(settings.dataDirectory);
        ExecutorService postingThreads = settings.postingExecutor == null ? Executors.newFixedThreadPool(4,
                daemon("nagare-carrier-postings")) : null;
        PaymentGatewaySimulator paymentGateway = new PaymentGatewaySimulator(store, settings.clock, settings.random,
                settings.paymentGateway);
        CarrierSimulator carrier = new CarrierSimulator(store, settings.clock, settings.random,
                new PartnerApiClient(settings.partnerApiUrl, settings.tokenUrl, settings.carrierClientId,
                        settings.carrierClientSecret, settings.clock),
                postingThreads != null ? postingThreads : settings.postingExecutor, settings.carrierId,
                settings.carrier);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 0);
        } catch (IOException e) {
            store.close();
            if (postingThreads != null) {
                postingThreads.shutdownNow();
            }
            throw new UncheckedIOException("partner simulators: cannot listen on " + settings.host + ":"
                    + settings.port + ": " + e.getMessage(), e);
        }
        ExecutorService httpThreads = Executors.newFixedThreadPool(16, daemon("nagare-simulators-http"));
        server.setExecutor(httpThreads);
        server.createContext(PaymentGatewaySimulator.PREFIX + "/", paymentGateway);
        server.createContext(CarrierSimulator.PREFIX + "/", carrier);
        server.start();
        carrier.resume();
        return new PartnerSimulators(server, httpThreads, postingThreads, store, paymentGateway, carrier);
    }

    /** The port listened on (the chosen one when the settings asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    /** What payments' {@code PAYMENT_GATEWAY_URL} should be. */
    public String paymentGatewayUrl() {
        return baseUrl() + PaymentGatewaySimulator.PREFIX;
    }

    /** What shipping's {@code CARRIER_API_URL} should be. */
    public String carrierApiUrl() {
        return baseUrl() + CarrierSimulator.PREFIX;
    }

    PaymentGatewaySimulator paymentGateway() {
        return paymentGateway;
    }

    CarrierSimulator carrier() {
        return carrier;
    }

    /** Stops listening and posting; the carrier's postings still owed are resumed by the next start. */
    @Override
    public void close() {
        carrier.close();
        server.stop(0);
        httpThreads.shutdownNow();
        if (postingThreads != null) {
            postingThreads.shutdownNow();
        }
        store.close();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
