package io.nagare.local.lambda.handlers;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Signals each invocation's start ({@link #STARTED}) and then waits for a {@link #RELEASE} permit, or until it is
 * interrupted; counts its instances, so tests see execution environments come and go.
 */
public class BlockingHandler implements RequestHandler<Object, String> {

    public static final Semaphore STARTED = new Semaphore(0);
    public static final Semaphore RELEASE = new Semaphore(0);
    public static final AtomicInteger INSTANCES = new AtomicInteger();
    public static final CountDownLatch INTERRUPTED = new CountDownLatch(1);

    private final int instance = INSTANCES.incrementAndGet();

    @Override
    public String handleRequest(Object input, Context context) {
        STARTED.release();
        try {
            RELEASE.acquire();
        } catch (InterruptedException e) {
            INTERRUPTED.countDown();
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return "released by instance " + instance;
    }

    public static void reset() {
        STARTED.drainPermits();
        RELEASE.drainPermits();
        INSTANCES.set(0);
    }
}
