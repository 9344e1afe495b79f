package io.nagare.cli.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nagare demo}: the order process end to end against a running {@code nagare up}. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Place orders through the partner API of a running `nagare up` (start it first, in another "
                + "terminal), follow every order's saga to its end, print outcomes, sagas/s and latency, and check the "
                + "order process's invariants through the DynamoDB API. Exits 1 when an invariant is broken or an "
                + "order did not end.",
            "Orders mix: happy, out of stock, payment declined (decline-*), carrier late (carrier-late-*), carrier "
                + "failure (carrier-fail-*), and one provider outage (outage-*) last, as the shared payment circuit "
                + "breaker opens after 5 outages a minute. Run again with the same --run-id after a crash: "
                + "nothing is placed twice."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "100", description = "How many orders (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--data-dir", defaultValue = ".nagare",
            description = "The data directory of the running `nagare up`, for partners.json (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--endpoint", defaultValue = "http://localhost:4566",
            description = "The local AWS endpoint (default: ${DEFAULT-VALUE}).")
    URI endpoint;

    @Option(names = "--gateway", defaultValue = "http://localhost:8080",
            description = "The partner API gateway (default: ${DEFAULT-VALUE}).")
    URI gateway;

    @Option(names = "--concurrency", defaultValue = "8",
            description = "Orders posted at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", defaultValue = "PT5M",
            description = "How long to wait for every saga to end, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--run-id", description = "Names the orders (demo-<run-id>-<n>); default: a new random one.")
    String runId;

    @Override
    public Integer call() throws Exception {
        if (orders < 1 || concurrency < 1) {
            System.err.println("nagare demo: --orders and --concurrency must be at least 1");
            return 2;
        }
        String id = runId != null ? runId
                : UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        DemoRun run = new DemoRun(new DemoRun.Settings(endpoint, gateway, dataDir, id, orders, concurrency, timeout),
                System.out, System.err);
        DemoReport report;
        try {
            report = run.run();
        } catch (IllegalStateException e) {
            System.err.println("nagare demo: " + e.getMessage());
            return 1;
        }
        report.print(System.out);
        return report.passed() ? 0 : 1;
    }
}
