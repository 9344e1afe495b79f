package io.nagare.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the workload from a fixed number of threads for a while, each recording its own latencies. */
final class DynamoDbLoadRun {

    private DynamoDbLoadRun() {
    }

    /** @param http the endpoint to reach with one raw connection per thread, or null to go through the SDK */
    static DynamoDbLatencies run(DynamoDbWorkload workload, int threads, Duration duration, java.net.URI http) {
        DynamoDbLatencies latencies = new DynamoDbLatencies();
        if (duration.isZero()) {
            return latencies;
        }
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            DynamoDbLatencies.Recorder recorder = latencies.recorder();
            Thread worker = new Thread(() -> {
                try (DynamoDbHttpConnection connection = http == null ? null : new DynamoDbHttpConnection(http)) {
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        DynamoDbWorkload.Operation operation = workload.next();
                        long start = System.nanoTime();
                        workload.execute(operation, connection);
                        recorder.record(operation, System.nanoTime() - start);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "bench-" + t);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a request failed: " + failure.get().getMessage(), failure.get());
        }
        return latencies;
    }
}
