package io.nagare.local.lambda;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.platform.model.PlatformModel;

/**
 * Creates the local Lambda; found with ServiceLoader. Its functions are those of the platform model discovered on
 * the class path when the service starts ({@link PlatformModel#discover()}), or of the model given.
 */
public final class LambdaServiceFactory implements LocalServiceFactory {

    private static final int DISPATCH_THREADS = 16;
    /** Lambda polls an SQS queue with five concurrent batches to start with. */
    private static final int QUEUE_POLLERS = 5;

    private final Supplier<PlatformModel> model;
    private final boolean inlineDispatch;
    private final FunctionLogSink logSink;
    private final Function<RuntimeContext, SqsQueues> queues;

    /** The functions of the model discovered on the class path. */
    public LambdaServiceFactory() {
        this(PlatformModel::discover, false, FunctionLogSink.standardOutput(), SqsWireQueues::new);
    }

    /** The functions of {@code model}. */
    public LambdaServiceFactory(PlatformModel model) {
        this(() -> model, false, FunctionLogSink.standardOutput(), SqsWireQueues::new);
    }

    private LambdaServiceFactory(Supplier<PlatformModel> model, boolean inlineDispatch, FunctionLogSink logSink,
                                 Function<RuntimeContext, SqsQueues> queues) {
        this.model = model;
        this.inlineDispatch = inlineDispatch;
        this.logSink = logSink;
        this.queues = queues;
    }

    /**
     * Runs asynchronous invocations and queue polls on the thread that starts them (the API caller, the thread
     * advancing a manual clock) rather than on a pool, so a test sees them done when its call returns. Their
     * handlers must not wait for the clock, which that thread is advancing.
     */
    public LambdaServiceFactory withInlineDispatch() {
        return new LambdaServiceFactory(model, true, logSink, queues);
    }

    /** Where function logs go (default: standard output). */
    public LambdaServiceFactory withLogSink(FunctionLogSink sink) {
        return new LambdaServiceFactory(model, inlineDispatch, Objects.requireNonNull(sink), queues);
    }

    /** How event source mappings reach SQS (default: the runtime's SQS service). */
    LambdaServiceFactory withQueues(SqsQueues sqs) {
        return new LambdaServiceFactory(model, inlineDispatch, logSink, context -> sqs);
    }

    /** After SQS (default order), which it polls and sends dead letters to; closed before it. */
    @Override
    public int order() {
        return 200;
    }

    @Override
    public LocalService create(RuntimeContext context) {
        if (inlineDispatch) {
            return new LambdaService(context, model.get(), this, Runnable::run, () -> { });
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService dispatch = Executors.newFixedThreadPool(DISPATCH_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "nagare-lambda-dispatch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new LambdaService(context, model.get(), this, dispatch, () -> {
            dispatch.shutdownNow();
            try {
                dispatch.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Pollers per SQS mapping: one with inline dispatch, so a test sees batches in a fixed order. */
    int queuePollers() {
        return inlineDispatch ? 1 : QUEUE_POLLERS;
    }

    FunctionLogSink logSink() {
        return logSink;
    }

    SqsQueues queues(RuntimeContext context) {
        return queues.apply(context);
    }

    ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : LambdaServiceFactory.class.getClassLoader();
    }
}
