package io.nagare.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.stepfunctions.StepFunctionsService;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nagare bench stepfunctions}: runs executions of a saga-shaped state machine in-process, keeping
 * {@code --concurrency} executions in flight, and prints executions/s and state transitions/s. Every Lambda task is
 * answered by an in-process handler. The store is durable (a temporary data directory, full history) unless
 * {@code --in-memory}.
 */
@Command(name = "stepfunctions",
        mixinStandardHelpOptions = true,
        description = "Run a saga-shaped state machine in-process; prints executions/s and state transitions/s.")
public final class StepFunctionsBenchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CLIENT_THREADS = 16;

    @Option(names = "--definition", description = "ASL file to run (default: a 12-state order saga with a Choice, a "
            + "Map and six Lambda tasks).")
    Path definition;

    @Option(names = "--input", description = "Execution input as JSON (default: an order with three items).")
    String input;

    @Option(names = "--executions", defaultValue = "20000", description = "Executions per run (default: ${DEFAULT-VALUE}).")
    int executions;

    @Option(names = "--concurrency", defaultValue = "64", description = "Executions in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "5000", description = "Executions run before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", description = "Engine threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--in-memory", description = "Keep the store in memory instead of a data directory.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
        if (executions < 1 || concurrency < 1 || runs < 1 || warmup < 0 || (threads != null && threads < 1)) {
            System.err.println("nagare bench stepfunctions: --executions, --concurrency, --runs and --threads must be "
                    + "positive, --warmup not negative");
            return 2;
        }
        String asl = definition == null ? StepFunctionsBenchSaga.DEFINITION : Files.readString(definition);
        String executionInput = input != null ? input : definition == null ? StepFunctionsBenchSaga.INPUT : "{}";
        int engineThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Path dataDirectory = inMemory ? null : Files.createTempDirectory("nagare-bench-stepfunctions");
        PrintStream out = System.out;
        out.printf("nagare bench stepfunctions: %s, %,d executions x %d runs (+%,d warm-up), concurrency %d, "
                        + "%d engine threads, %s%n", definition == null ? "default order saga" : definition, executions,
                runs, warmup, concurrency, engineThreads,
                inMemory ? "in-memory store" : "durable store in " + dataDirectory + " (full history)");
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).dataDirectory(dataDirectory)
                .discoverServices(false).service(new StepFunctionsServiceFactory().withThreads(engineThreads)
                        .withServiceCalls(StepFunctionsBenchSaga.lambda())).start()) {
            StepFunctionsService service = runtime.service(StepFunctionsService.class).orElseThrow();
            String machineArn = createStateMachine(service, asl);
            if (warmup > 0) {
                run(service, machineArn, executionInput, warmup);
            }
            int transitions = transitionsPerExecution(service, machineArn, executionInput);
            List<Double> rates = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                long cpuBefore = ProcessCpu.nanos();
                double seconds = run(service, machineArn, executionInput, executions);
                double cpuMicrosPerExecution = (ProcessCpu.nanos() - cpuBefore) / 1e3 / executions;
                double rate = executions / seconds;
                rates.add(rate);
                out.printf("run %d: %,.0f executions/s, %,.0f state transitions/s (%.2f s; %.0f us CPU per execution)%n",
                        i, rate, rate * transitions, seconds, cpuMicrosPerExecution);
            }
            Collections.sort(rates);
            double median = rates.get(rates.size() / 2);
            out.printf("median: %,.0f executions/s, %,.0f state transitions/s (%d transitions per execution)%n",
                    median, median * transitions, transitions);
            return 0;
        } finally {
            if (dataDirectory != null) {
                deleteRecursively(dataDirectory);
            }
        }
    }

    private static String createStateMachine(StepFunctionsService service, String asl) {
        ObjectNode request = JSON.createObjectNode();
        request.put("name", "bench-saga");
        request.put("definition", asl);
        request.put("roleArn", "arn:aws:iam::000000000000:role/nagare-bench");
        return service.call("CreateStateMachine", request).get("stateMachineArn").asText();
    }

    /**
     * Runs {@code count} executions keeping the concurrency; returns the elapsed seconds. Several client threads
     * start them, as callers of the API would: each StartExecution waits until it is durable, and callers waiting at
     * the same moment share one commit.
     */
    private double run(StepFunctionsService service, String machineArn, String executionInput, int count)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(Math.min(concurrency, MAX_CLIENT_THREADS));
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                clients.execute(() -> {
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    ObjectNode request = JSON.createObjectNode();
                    request.put("stateMachineArn", machineArn);
                    request.put("input", executionInput);
                    String arn = service.call("StartExecution", request).get("executionArn").asText();
                    service.whenEnded(arn).whenComplete((status, error) -> {
                        if (error != null || !"SUCCEEDED".equals(status)) {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                        done.countDown();
                    });
                });
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("executions did not end within 10 minutes");
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.err.printf("nagare bench stepfunctions: %,d of %,d executions did not succeed%n", failed.get(), count);
        }
        return seconds;
    }

    /** The number of states one execution enters, read from its history. */
    private static int transitionsPerExecution(StepFunctionsService service, String machineArn, String executionInput)
            throws Exception {
        ObjectNode request = JSON.createObjectNode();
        request.put("stateMachineArn", machineArn);
        request.put("input", executionInput);
        String arn = service.call("StartExecution", request).get("executionArn").asText();
        service.whenEnded(arn).toCompletableFuture().get(1, TimeUnit.MINUTES);
        int entered = 0;
        String token = null;
        do {
            ObjectNode page = JSON.createObjectNode();
            page.put("executionArn", arn);
            page.put("maxResults", 1000);
            if (token != null) {
                page.put("nextToken", token);
            }
            JsonNode history = service.call("GetExecutionHistory", page);
            for (JsonNode event : history.get("events")) {
                if (event.get("type").asText().endsWith("StateEntered")) {
                    entered++;
                }
            }
            token = history.path("nextToken").asText(null);
        } while (token != null);
        return entered;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + directory, e);
        }
    }
}
