package io.nagare.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.platform.saga.ExecutionNames;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * One demo run against a running platform ({@code nagare up}): seeds stock through the {@code restock} function,
 * places the orders through the partner API as the storefront, follows each order's saga until it ends, then checks
 * the invariants. Orders are named after the run id and their CloudEvent ids derive from the order ids, so running
 * again with the same run id (after a crash) places nothing twice: the partner API drops the duplicates.
 */
public final class DemoRun {

    private static final String SAGA = "order-fulfilment";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /**
     * @param endpoint    the runtime's endpoint, {@code http://localhost:4566}
     * @param gateway     the gateway, {@code http://localhost:8080}
     * @param dataDir     the platform's data directory, where {@code partners.json} is
     * @param runId       names the orders ({@code demo-<runId>-<n>})
     * @param orders      how many
     * @param concurrency how many orders are posted at once
     * @param timeout     how long to wait for the sagas to end
     */
    public record Settings(URI endpoint, URI gateway, Path dataDir, String runId, int orders, int concurrency,
                           Duration timeout) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final PrintStream progressOut;

    public DemoRun(Settings settings, PrintStream out, PrintStream progressOut) {
        this.settings = settings;
        this.out = out;
        this.progressOut = progressOut;
    }

    public DemoReport run() throws IOException, InterruptedException {
        requireHealthy();
        List<DemoOrder> orders = new ArrayList<>();
        for (int i = 0; i < settings.orders(); i++) {
            orders.add(new DemoOrder(settings.runId(), i, settings.orders()));
        }
        PartnerApi storefront = PartnerApi.storefront(settings.gateway(), settings.dataDir().resolve("partners.json"));
        try (LocalAws aws = new LocalAws(settings.endpoint())) {
            seedStock(aws);
            storefront.token();
            out.println("nagare demo: run " + settings.runId() + ": placing " + orders.size() + " orders through "
                    + settings.gateway() + "/v1/events");
            ProgressBar progress = new ProgressBar(progressOut, orders.size());
            AtomicInteger placed = new AtomicInteger();
            ExecutorService posting = Executors.newFixedThreadPool(settings.concurrency());
            try {
                List<Future<?>> posted = new ArrayList<>();
                for (DemoOrder order : orders) {
                    posted.add(posting.submit(() -> {
                        storefront.place(order);
                        placed.incrementAndGet();
                        return null;
                    }));
                }
                follow(aws, orders, placed, progress, posted);
                for (Future<?> future : posted) {
                    try {
                        future.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("placing an order failed: " + e.getCause().getMessage(),
                                e.getCause());
                    }
                }
            } finally {
                posting.shutdownNow();
                progress.done();
            }
            return DemoReport.of(orders, DemoInvariants.check(aws, orders));
        }
    }

    /** Three times as much of each item as the run could sell, so only the out-of-stock orders run short. */
    private void seedStock(LocalAws aws) {
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < DemoOrder.SKUS.size(); i++) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(DemoOrder.SKUS.get(i))
                    .append("\",\"quantity\":").append(settings.orders() * 2 + 10).append('}');
        }
        aws.invoke("restock", items.append("]}").toString());
        out.println("nagare demo: restocked " + DemoOrder.SKUS + " through the restock function");
    }

    /** Polls each placed order's saga (DescribeExecution) until all ended or the timeout passed. */
    private void follow(LocalAws aws, List<DemoOrder> orders, AtomicInteger placed, ProgressBar progress,
                        List<Future<?>> posted) throws InterruptedException {
        Instant deadline = Instant.now().plus(settings.timeout());
        int ended = 0;
        while (ended < orders.size() && Instant.now().isBefore(deadline)) {
            for (Future<?> future : posted) {
                if (future.isDone() && !future.isCancelled()) {
                    try {
                        future.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        return;
                    }
                }
            }
            for (DemoOrder order : orders) {
                if (order.isFinished() || order.acceptedAt() == null) {
                    continue;
                }
                DescribeExecutionResponse execution = aws.execution(SAGA,
                        ExecutionNames.forBusinessKey(order.orderId()));
                if (execution != null && execution.status() != ExecutionStatus.RUNNING
                        && execution.status() != ExecutionStatus.PENDING_REDRIVE) {
                    order.finished(execution.statusAsString(), execution.error(), execution.stopDate());
                    ended++;
                }
            }
            progress.show(placed.get(), ended, "");
            if (ended < orders.size()) {
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        }
    }

    private void requireHealthy() throws IOException, InterruptedException {
        URI health = settings.endpoint().resolve("/_nagare/health");
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the platform does not answer at " + health + " (" + e.getMessage()
                    + "): start it with ./nagare up");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the platform is not ready (" + health + " answered "
                    + response.statusCode() + ": " + response.body() + ")");
        }
    }
}
