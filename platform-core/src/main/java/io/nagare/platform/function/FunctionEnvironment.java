package io.nagare.platform.function;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The configuration a function reads: table names, queue URLs, bus names ({@code NAGARE_TABLE_ORDERS}, ...), its own
 * variables and those Lambda sets ({@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME}, ...).
 *
 * <p>On AWS Lambda a function has a process of its own and this is the process environment. The local runtime runs
 * every function in one JVM, so it binds each function's own variables while that function's handler is constructed
 * and invoked ({@link #bind()}). Handlers call {@link #current()}, never {@code System.getenv}, so they read the same
 * thing in both places, and read it on the handler's thread (in the constructor or {@code handleRequest}): the binding
 * is not inherited, because pooled threads (the common fork-join pool, an SDK's executor) would keep the environment of
 * whichever function happened to start them and hand it to the next.
 */
public final class FunctionEnvironment {

    private static final ThreadLocal<FunctionEnvironment> BOUND = new ThreadLocal<>();
    private static final FunctionEnvironment PROCESS = new FunctionEnvironment(System.getenv(), null);

    private final Map<String, String> variables;
    private final SdkHttpClient httpClient;

    private FunctionEnvironment(Map<String, String> variables, SdkHttpClient httpClient) {
        this.variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        this.httpClient = httpClient;
    }

    /** The environment bound to this thread, or the process environment when none is (on AWS Lambda). */
    public static FunctionEnvironment current() {
        FunctionEnvironment bound = BOUND.get();
        return bound != null ? bound : PROCESS;
    }

    /** An environment of exactly these variables, e.g. for a test or one local function. */
    public static FunctionEnvironment of(Map<String, String> variables) {
        variables.forEach((name, value) -> {
            Objects.requireNonNull(name, "variable name");
            Objects.requireNonNull(value, () -> "value of " + name);
        });
        return new FunctionEnvironment(variables, null);
    }

    /**
     * The same variables, with the HTTP client the function's AWS SDK clients send through
     * ({@link io.nagare.platform.aws.AwsClients}): locally, an in-process transport to the local runtime, so calls
     * to its services need no socket. The caller keeps ownership of the client.
     */
    public FunctionEnvironment withHttpClient(SdkHttpClient client) {
        return new FunctionEnvironment(variables, Objects.requireNonNull(client, "client"));
    }

    /** The HTTP client given by {@link #withHttpClient}; empty on AWS, where each factory creates its own. */
    public Optional<SdkHttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** The variable's value, or empty when it is not set. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /**
     * The variable's value.
     *
     * @throws IllegalStateException when it is not set, naming the variable and the function
     */
    public String require(String name) {
        String value = variables.get(name);
        if (value == null) {
            String function = variables.get("AWS_LAMBDA_FUNCTION_NAME");
            throw new IllegalStateException("environment variable " + name + " is not set"
                    + (function == null ? "" : " for function '" + function + "'")
                    + "; a resource variable (NAGARE_TABLE_*, NAGARE_QUEUE_*, NAGARE_BUS_*, NAGARE_SAGA_*) is set only"
                    + " when the function's declaration uses that resource");
        }
        return value;
    }

    /** Every variable, sorted by name. */
    public Map<String, String> variables() {
        return variables;
    }

    /**
     * Makes this the {@link #current()} environment of this thread until the returned scope is closed; closing
     * restores what was bound before.
     */
    public Scope bind() {
        FunctionEnvironment previous = BOUND.get();
        BOUND.set(this);
        return () -> {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        };
    }

    /** A binding made by {@link #bind()}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
