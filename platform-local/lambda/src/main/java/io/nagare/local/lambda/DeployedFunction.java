package io.nagare.local.lambda;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import io.nagare.local.runtime.LocalClock;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.FunctionDeclaration;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * One function of the platform model, deployed: its ARN, its handler, its execution environments (each with its own
 * handler instance, reused by one invocation after another as Lambda reuses warm environments) and the count of
 * invocations running, which reserved concurrency limits.
 */
final class DeployedFunction {

    static final String VERSION = "$LATEST";

    private final FunctionDeclaration declaration;
    private final Arns arns;
    private final Supplier<String> endpointUrl;
    private final ClassLoader classLoader;
    private final SdkHttpClient inProcess;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile HandlerLoader.Factory handler;

    /**
     * @param inProcess the HTTP client the function's SDK clients send through when every endpoint it is given is the
     *                  runtime's own (no socket; see {@link #reachesOnlyTheRuntime})
     */
    DeployedFunction(FunctionDeclaration declaration, Arns arns, Supplier<String> endpointUrl,
                     ClassLoader classLoader, SdkHttpClient inProcess) {
        this.declaration = declaration;
        this.arns = arns;
        this.endpointUrl = endpointUrl;
        this.classLoader = classLoader;
        this.inProcess = inProcess;
    }

    /** A handler instance with the environment it was created in. */
    record ExecutionEnvironment(RequestStreamHandler handler, FunctionEnvironment environment, String logStreamName) {
    }

    String name() {
        return declaration.name();
    }

    String arn() {
        return arns.function(declaration.name());
    }

    FunctionDeclaration declaration() {
        return declaration;
    }

    String logGroupName() {
        return "/aws/lambda/" + declaration.name();
    }

    /** The variables its configuration shows (declared and resource variables, not Lambda's reserved ones). */
    Map<String, String> configuredVariables() {
        return FunctionVariables.configured(declaration, arns, endpointUrl.get());
    }

    /** Counts one more invocation running; false when that would exceed the reserved concurrency. */
    boolean tryStart() {
        Integer reserved = declaration.reservedConcurrency();
        if (reserved == null) {
            running.incrementAndGet();
            return true;
        }
        while (true) {
            int now = running.get();
            if (now >= reserved) {
                return false;
            }
            if (running.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void finish() {
        running.decrementAndGet();
    }

    /** A warm environment, or a new one: the handler class is loaded and instantiated with the function's variables. */
    ExecutionEnvironment acquire(LocalClock clock) throws FunctionFault {
        synchronized (idle) {
            ExecutionEnvironment warm = idle.pollFirst();
            if (warm != null) {
                return warm;
            }
        }
        String logStream = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).toString().replace('-', '/')
                + "/[" + VERSION + "]" + HexFormat.of().formatHex(randomBytes());
        String runtimeEndpoint = endpointUrl.get();
        Map<String, String> variables = FunctionVariables.ofEnvironment(declaration, arns, runtimeEndpoint,
                logGroupName(), logStream);
        FunctionEnvironment environment = FunctionEnvironment.of(variables);
        if (reachesOnlyTheRuntime(variables, runtimeEndpoint)) {
            environment = environment.withHttpClient(inProcess);
        }
        FunctionEnvironment.Scope scope = environment.bind();
        try {
            return new ExecutionEnvironment(handler().create(), environment, logStream);
        } finally {
            scope.close();
        }
    }

    /** Returns an environment for the next invocation; one that timed out or crashed is never returned. */
    void release(ExecutionEnvironment environment) {
        synchronized (idle) {
            idle.addFirst(environment);
        }
    }

    private HandlerLoader.Factory handler() {
        HandlerLoader.Factory loaded = handler;
        if (loaded == null) {
            loaded = HandlerLoader.load(declaration.handler(), classLoader);
            handler = loaded;
        }
        return loaded;
    }

    /**
     * Whether the function's SDK clients can only be pointed at this runtime: no variable names another endpoint, and
     * configured endpoints are not ignored. A function given an endpoint elsewhere keeps sending over HTTP.
     */
    static boolean reachesOnlyTheRuntime(Map<String, String> variables, String runtimeEndpoint) {
        if ("true".equalsIgnoreCase(variables.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "").trim())) {
            return false;
        }
        return variables.entrySet().stream().filter(variable -> variable.getKey().startsWith("AWS_ENDPOINT_URL"))
                .allMatch(variable -> variable.getValue().trim().equals(runtimeEndpoint));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
