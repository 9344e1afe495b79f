package io.nagare.local.eventbridge;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;

/**
 * Creates the local EventBridge; found with ServiceLoader. Matching and delivery run on a pool of daemon threads,
 * enough of them that many target invocations are in flight at once: an invocation mostly waits (SQS answers a send
 * once its journal has committed it, sharing that commit with the sends waiting beside it; 128 in flight delivered
 * 5-15% more than 32 in nagare bench eventbridge). Idle threads end after 30 s.
 */
public final class EventBridgeServiceFactory implements LocalServiceFactory {

    private static final int DELIVERY_THREADS = 128;

    /**
     * Created after the services it delivers to (SQS, Lambda, Step Functions use the default order), because it
     * resumes pending deliveries as it starts; closed before them, so it stops delivering first.
     */
    @Override
    public int order() {
        return 900;
    }

    @Override
    public LocalService create(RuntimeContext context) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(DELIVERY_THREADS, DELIVERY_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "nagare-eventbridge-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return new EventBridgeService(context, executor, () -> {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
