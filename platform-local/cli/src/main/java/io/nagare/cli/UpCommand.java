package io.nagare.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.nagare.local.gateway.GatewaySettings;
import io.nagare.local.gateway.LocalGateway;
import io.nagare.local.gateway.Partner;
import io.nagare.local.provisioning.ProvisioningService;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.simulators.PartnerSimulators;
import io.nagare.local.simulators.SimulatorSettings;
import io.nagare.platform.model.PlatformModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nagare up}: the whole platform on one machine. The runtime starts every emulated AWS service and
 * provisions the platform model while it starts (tables, queues, state machines, buses, rules), so once the endpoint
 * answers, everything the model declares exists; then the partner-facing servers start. Serves until interrupted.
 */
@Command(name = "up",
        mixinStandardHelpOptions = true,
        description = "Run the platform locally: every emulated AWS service on one endpoint (default http://localhost:4566), "
                + "the platform model provisioned, the partner API gateway (8080) and the partner simulators (8090).")
final class UpCommand implements Callable<Integer> {

    /** Fixed: the model declares the local partner URLs (payments, shipping) on this port. */
    static final int SIMULATORS_PORT = 8090;

    @Option(names = "--data-dir", defaultValue = ".nagare",
            description = "Where local state is kept; a restart continues from it (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "4566", description = "Endpoint port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--gateway-port", defaultValue = "8080",
            description = "Partner API gateway and OAuth2 issuer port (default: ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        ServersReadiness servers = new ServersReadiness();
        LocalRuntime runtime = LocalRuntime.builder().host(host).port(port).dataDirectory(dataDir).service(servers)
                .start();
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    System.err.println("nagare: stopping " + running.get(i) + " failed: " + e);
                }
            }
            runtime.close();
            stopped.countDown();
        }, "nagare-shutdown"));
        System.out.println("nagare: local AWS endpoint " + runtime.endpointUrl() + " (data in "
                + dataDir.toAbsolutePath() + ")");
        printProvisioning(runtime);

        LocalGateway gateway = LocalGateway.start(GatewaySettings.builder(runtime.context(), PlatformModel.discover())
                .host(host).port(gatewayPort).build());
        running.add(gateway);
        System.out.println("nagare: partner API and OAuth2 issuer http://localhost:" + gateway.port()
                + " (POST /oauth2/token, POST /v1/events, GET /v1/processes)");
        System.out.println("nagare: partner credentials " + dataDir.resolve("partners.json").toAbsolutePath());
        running.add(startSimulators(runtime, gateway));
        servers.started();

        for (Map.Entry<String, Boolean> service : runtime.health().entrySet()) {
            System.out.println("  " + service.getKey() + (service.getValue() ? " ready" : " starting"));
        }
        System.out.printf("nagare: up in %.1f s; health %s%s; Ctrl-C stops%n", (System.nanoTime() - started) / 1e9,
                runtime.endpointUrl(), LocalRuntime.HEALTH_PATH);
        stopped.await();
        return 0;
    }

    /**
     * The payment gateway and the carrier on 8090, where the model's local {@code PAYMENT_GATEWAY_URL} and
     * {@code CARRIER_API_URL} point. The carrier answers through the gateway as the {@code carrier} partner. Its delays
     * are shortened from the simulators' defaults so a demo's happy orders end in seconds and late ones in about ten.
     */
    private PartnerSimulators startSimulators(LocalRuntime runtime, LocalGateway gateway) {
        Partner carrier = gateway.partner("carrier").orElseThrow(() -> new IllegalStateException(
                "partners.json has no 'carrier' partner; the carrier simulator needs its credentials"));
        PartnerSimulators simulators = PartnerSimulators.start(SimulatorSettings.builder()
                .host(host)
                .port(SIMULATORS_PORT)
                .clock(runtime.context().clock())
                .dataDirectory(dataDir.resolve("simulators"))
                .partnerApiUrl(URI.create("http://localhost:" + gateway.port()))
                .carrierCredentials(carrier.clientId(), carrier.clientSecret())
                .statusInterval(Duration.ofSeconds(1))
                .dispatchDelay(Duration.ofSeconds(2))
                .lateDispatchDelay(Duration.ofSeconds(10))
                .build());
        System.out.println("nagare: partner simulators " + simulators.baseUrl() + " (payment gateway "
                + simulators.paymentGatewayUrl() + ", carrier " + simulators.carrierApiUrl() + ")");
        return simulators;
    }

    private static void printProvisioning(LocalRuntime runtime) {
        for (LocalService service : runtime.services()) {
            if (service instanceof ProvisioningService provisioning) {
                System.out.println("nagare: " + service.name() + ": " + provisioning.report().summary());
                provisioning.report().changes().forEach(change -> System.out.println("  " + change));
                provisioning.report().warnings().forEach(warning -> System.out.println("  warning: " + warning));
            }
        }
    }
}
