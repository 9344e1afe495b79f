package io.nagare.local.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.local.runtime.LocalClock;
import io.nagare.platform.function.FunctionEnvironment;

/**
 * Runs invocations: each on a thread of its own with a warm or new execution environment, ended by the function's
 * timeout on the runtime's clock ({@code Sandbox.Timedout}; the environment is then discarded and its thread
 * interrupted, as Lambda restarts a timed-out sandbox), and refused with {@code TooManyRequestsException} past the
 * function's reserved concurrency.
 */
final class FunctionInvoker implements AutoCloseable {

    /** Lambda's limit on a synchronous response, in the number its error message gives. */
    static final int MAX_RESPONSE_BYTES = 6_291_556;

    private final LocalClock clock;
    private final FunctionLogSink logs;
    private final ExecutorService threads;

    FunctionInvoker(LocalClock clock, FunctionLogSink logs) {
        this.clock = clock;
        this.logs = logs;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "nagare-lambda-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The outcome of one invocation.
     *
     * @param payload the function's response, or the error payload when {@code error} is set
     * @param error   why the invocation failed ({@code X-Amz-Function-Error: Unhandled}), or null
     */
    record Result(String requestId, byte[] payload, FunctionError error, InvocationLog log) {
        boolean failed() {
            return error != null;
        }
    }

    /**
     * Starts an invocation; the future completes when the handler returns, fails or times out. An asynchronous
     * invocation keeps its request id across retries, so it is the caller's.
     *
     * @throws LambdaApiException {@code TooManyRequestsException} when the reserved concurrency is in use
     */
    CompletableFuture<Result> invoke(DeployedFunction function, byte[] payload, String requestId) {
        if (!function.tryStart()) {
            throw LambdaApiException.reservedConcurrencyExceeded();
        }
        Invocation invocation = new Invocation(function, payload, requestId);
        invocation.result.whenComplete((result, failure) -> function.finish());
        threads.execute(invocation);
        return invocation.result;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Invocation implements Runnable {
        private final DeployedFunction function;
        private final byte[] payload;
        private final String requestId;
        private final InvocationLog log;
        private final CompletableFuture<Result> result = new CompletableFuture<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Thread thread;
        private volatile Instant start;

        Invocation(DeployedFunction function, byte[] payload, String requestId) {
            this.function = function;
            this.payload = payload;
            this.requestId = requestId;
            this.log = new InvocationLog(logs, function.name());
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            DeployedFunction.ExecutionEnvironment environment = initialize();
            if (environment == null) {
                return;
            }
            start = clock.now();
            Instant deadline = start.plusSeconds(function.declaration().timeoutSeconds());
            log.append("START RequestId: " + requestId + " Version: " + DeployedFunction.VERSION + "\n");
            LocalClock.Timer timer = clock.schedule(deadline, this::timeOut);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InvocationContext context = new InvocationContext(requestId, function, environment.logStreamName(),
                    deadline, clock, log);
            FunctionError error = null;
            boolean crashed = false;
            FunctionEnvironment.Scope scope = environment.environment().bind();
            try {
                environment.handler().handleRequest(new ByteArrayInputStream(payload), out, context);
            } catch (Throwable e) {
                error = FunctionError.thrown(e);
                crashed = e instanceof VirtualMachineError;
                if (!ended.get()) {
                    log.append(error.logText(e));
                }
            } finally {
                scope.close();
            }
            if (!ended.compareAndSet(false, true)) {
                Thread.interrupted();
                return;
            }
            timer.cancel();
            if (error == null && out.size() > MAX_RESPONSE_BYTES) {
                error = FunctionError.responseTooLarge(MAX_RESPONSE_BYTES);
            }
            if (!crashed) {
                function.release(environment);
            }
            Thread.interrupted();
            finish(error == null ? out.toByteArray() : error.toBytes(), error, report(""));
        }

        /**
         * A warm environment, or a new one whose handler is constructed within the function's timeout (Lambda
         * retries a slow init within the invocation's timeout); null when the invocation already ended with an
         * init error or a timeout.
         */
        private DeployedFunction.ExecutionEnvironment initialize() {
            start = clock.now();
            LocalClock.Timer timer = clock.schedule(start.plusSeconds(function.declaration().timeoutSeconds()),
                    this::timeOut);
            FunctionError error;
            try {
                DeployedFunction.ExecutionEnvironment environment = function.acquire(clock);
                if (timer.cancel()) {
                    return environment;
                }
                return null;
            } catch (FunctionFault fault) {
                error = fault.error();
                log.append(error.logText(null));
            } catch (RuntimeException | LinkageError e) {
                error = FunctionError.thrown(e);
                log.append(error.logText(e));
            }
            if (timer.cancel() && ended.compareAndSet(false, true)) {
                finish(error.toBytes(), error, "");
            }
            return null;
        }

        /** Ends the invocation at its deadline; its environment is never used again. */
        private void timeOut() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            FunctionError error = FunctionError.timedOut(requestId, Duration.between(start, clock.now()).toMillis());
            log.append(clock.now() + " " + requestId + " Task timed out after "
                    + error.errorMessage().substring(error.errorMessage().lastIndexOf("after ") + 6) + "\n");
            Thread running = thread;
            if (running != null) {
                running.interrupt();
            }
            finish(error.toBytes(), error, report("Status: timeout"));
        }

        private String report(String status) {
            double millis = Duration.between(start, clock.now()).toNanos() / 1_000_000.0;
            return "END RequestId: " + requestId + "\n"
                    + String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t"
                            + "Memory Size: %d MB\t%s%n", requestId, millis, Math.max(1, (long) Math.ceil(millis)),
                    function.declaration().memoryMb(), status);
        }

        private void finish(byte[] responsePayload, FunctionError error, String trailer) {
            if (!trailer.isEmpty()) {
                log.append(trailer);
            }
            result.complete(new Result(requestId, responsePayload, error, log));
        }
    }
}
