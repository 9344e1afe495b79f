package io.nagare.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.sqs.SqsServiceFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nagare bench eventbridge}: events/s end to end, PutEvents over HTTP to rule matching to delivery into an
 * SQS queue, for buses of several sizes measured side by side (runs alternate between them). Without
 * {@code --endpoint} it starts a local runtime (EventBridge and SQS, durable in a temporary data directory) in this
 * JVM on a free port.
 */
@Command(name = "eventbridge",
        mixinStandardHelpOptions = true,
        description = "PutEvents over HTTP -> rule match -> SQS target, with buses of --rules rules; prints events/s "
                + "delivered (the queue holds every event) and accepted (every PutEvents answered).")
public final class EventBridgeBenchCommand implements Callable<Integer> {

    @Option(names = "--endpoint", description = "Endpoint to measure (default: start a local runtime on a free port).")
    URI endpoint;

    @Option(names = "--rules", split = ",", defaultValue = "10,1000",
            description = "Rules on each bench bus, one bus per value, non-overlapping patterns, every event matching "
                    + "one (default: ${DEFAULT-VALUE}).")
    List<Integer> rules;

    @Option(names = "--events", defaultValue = "30000", description = "Events per run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--concurrency", defaultValue = "16",
            description = "PutEvents calls in flight, ten events each (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--runs", defaultValue = "5",
            description = "Measured runs per bus; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    // On 2 cores runs kept speeding up until about 300,000-400,000 events per bus had been sent (100,000 left the
    // medians 40% below the steady rate): the JIT compiles the HTTP, JSON, matching and store paths that slowly.
    @Option(names = "--warmup", defaultValue = "400000",
            description = "Events sent to each bus before measuring; the JIT needs about this many on 2 cores "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--in-memory", description = "Start the local runtime without a data directory (nothing written "
            + "to disk), to see what the disk costs; ignored with --endpoint.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
        if (rules.isEmpty() || rules.stream().anyMatch(n -> n < 1) || events < 1 || concurrency < 1 || runs < 1
                || warmup < 0) {
            System.err.println("nagare bench eventbridge: --rules, --events, --concurrency and --runs must be "
                    + "positive, --warmup not negative");
            return 2;
        }
        Path dataDirectory = null;
        LocalRuntime runtime = null;
        try {
            URI target = endpoint;
            if (target == null) {
                dataDirectory = inMemory ? null : Files.createTempDirectory("nagare-bench-eventbridge");
                runtime = LocalRuntime.builder().port(0).dataDirectory(dataDirectory).discoverServices(false)
                        .service(new SqsServiceFactory()).service(new EventBridgeServiceFactory()).start();
                target = URI.create(runtime.endpointUrl());
            }
            String where = runtime == null ? "" : inMemory ? " (in-process, in memory)"
                    : " (in-process, data in " + dataDirectory + ")";
            run(target, where, System.out);
            return 0;
        } finally {
            if (runtime != null) {
                runtime.close();
            }
            if (dataDirectory != null) {
                deleteRecursively(dataDirectory);
            }
        }
    }

    private void run(URI target, String where, PrintStream out) throws Exception {
        out.printf("nagare bench eventbridge: %s%s, rules %s, %,d events x %d runs (+%,d warm-up), concurrency %d%n",
                target, where, rules, events, runs, warmup, concurrency);
        EventBridgeBenchClient client = new EventBridgeBenchClient(target);
        List<EventBridgeBenchBus> buses = new ArrayList<>();
        for (int count : rules) {
            long setupStart = System.nanoTime();
            EventBridgeBenchBus bus = EventBridgeBenchBus.create(client, count, concurrency);
            out.printf("bus with %,d rules ready in %.1f s%n", count, (System.nanoTime() - setupStart) / 1e9);
            if (warmup > 0) {
                bus.run(warmup, concurrency);
            }
            buses.add(bus);
        }
        Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            // Every other run goes through the buses in reverse, so no bus always runs right after another.
            List<EventBridgeBenchBus> order = new ArrayList<>(buses);
            if (run % 2 == 0) {
                Collections.reverse(order);
            }
            for (EventBridgeBenchBus bus : order) {
                long cpuBefore = ProcessCpu.nanos();
                EventBridgeBenchBus.Result result = bus.run(events, concurrency);
                double cpuMicrosPerEvent = (ProcessCpu.nanos() - cpuBefore) / 1e3 / events;
                rates.computeIfAbsent(bus.rules(), n -> new ArrayList<>()).add(result.deliveredPerSecond());
                out.printf("run %d, %,5d rules: %,8.0f events/s delivered (%.2f s), accepted at %,.0f events/s, "
                                + "%.0f us CPU per event (%s)%s%n",
                        run, bus.rules(), result.deliveredPerSecond(), result.deliveredSeconds(),
                        result.acceptedPerSecond(), cpuMicrosPerEvent,
                        endpoint == null ? "client and runtime" : "client only", problems(result));
            }
        }
        Double first = null;
        for (Map.Entry<Integer, List<Double>> entry : rates.entrySet()) {
            double median = median(entry.getValue());
            String ratio = first == null ? "" : String.format(" (%.0f%% of the %,d-rule median)",
                    100 * median / first, rules.get(0));
            if (first == null) {
                first = median;
            }
            out.printf("median, %,5d rules: %,8.0f events/s delivered%s%n", entry.getKey(), median, ratio);
        }
    }

    private static String problems(EventBridgeBenchBus.Result result) {
        String text = "";
        if (result.failedEntries() > 0) {
            text += String.format("; %,d entries refused", result.failedEntries());
        }
        if (result.extra() > 0) {
            text += String.format("; %,d delivered twice", result.extra());
        }
        return text;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("nagare bench eventbridge: could not remove " + directory + ": " + e.getMessage());
        }
    }
}
