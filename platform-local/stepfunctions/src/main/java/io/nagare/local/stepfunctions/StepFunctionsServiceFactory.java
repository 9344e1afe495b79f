package io.nagare.local.stepfunctions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.stepfunctions.internal.engine.MockConfig;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Creates the Step Functions service. Found by ServiceLoader with the defaults of {@code ./nagare up} (executions on
 * a small thread pool, tasks calling the runtime's other services, the mock config named by {@code SFN_MOCK_CONFIG} if set, as with
 * Step Functions Local); tests and tools configure it with the {@code with*} methods.
 */
public final class StepFunctionsServiceFactory implements LocalServiceFactory {

    /** The environment variable Step Functions Local reads its MockConfigFile from. */
    public static final String MOCK_CONFIG_ENV = "SFN_MOCK_CONFIG";

    private final int threads;
    private final AwsServiceCalls serviceCalls;
    private final MockConfig mockConfig;
    private final boolean statusEvents;

    public StepFunctionsServiceFactory() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()), null, mockConfigFromEnv(), true);
    }

    private StepFunctionsServiceFactory(int threads, AwsServiceCalls serviceCalls, MockConfig mockConfig,
                                        boolean statusEvents) {
        this.threads = threads;
        this.serviceCalls = serviceCalls;
        this.mockConfig = mockConfig;
        this.statusEvents = statusEvents;
    }

    /**
     * Runs executions on the calling thread (the API caller, or whoever advances the clock), so a test sees an
     * execution run as far as it can before its call returns.
     */
    public StepFunctionsServiceFactory withInlineExecution() {
        return new StepFunctionsServiceFactory(0, serviceCalls, mockConfig, statusEvents);
    }

    /** Runs executions on a pool of this many threads. */
    public StepFunctionsServiceFactory withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        return new StepFunctionsServiceFactory(count, serviceCalls, mockConfig, statusEvents);
    }

    /**
     * How Task states call other services (Lambda, SQS, EventBridge, DynamoDB) and where execution status events go.
     * By default they go to the runtime's other services through its endpoint.
     */
    public StepFunctionsServiceFactory withServiceCalls(AwsServiceCalls calls) {
        return new StepFunctionsServiceFactory(threads, Objects.requireNonNull(calls), mockConfig, statusEvents);
    }

    /** Whether execution status changes are published to the default event bus (on by default, as on AWS). */
    public StepFunctionsServiceFactory withExecutionStatusEvents(boolean publish) {
        return new StepFunctionsServiceFactory(threads, serviceCalls, mockConfig, publish);
    }

    /** A MockConfigFile (Step Functions Local format); throws {@link IllegalArgumentException} when malformed. */
    public StepFunctionsServiceFactory withMockConfig(JsonNode config) {
        return new StepFunctionsServiceFactory(threads, serviceCalls, MockConfig.of(config), statusEvents);
    }

    public StepFunctionsServiceFactory withMockConfig(Path file) {
        return withMockConfig(read(file));
    }

    @Override
    public LocalService create(RuntimeContext context) {
        return new StepFunctionsService(context, this);
    }

    /** The configured calls, or null for the runtime's own services through its endpoint. */
    AwsServiceCalls serviceCalls() {
        return serviceCalls;
    }

    boolean statusEvents() {
        return statusEvents;
    }

    MockConfig mockConfig() {
        return mockConfig;
    }

    /** The executor for executions, or null to run them inline. */
    ExecutorService newExecutor() {
        if (threads == 0) {
            return null;
        }
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "nagare-stepfunctions-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static MockConfig mockConfigFromEnv() {
        String file = System.getenv(MOCK_CONFIG_ENV);
        return file == null || file.isBlank() ? null : MockConfig.of(read(Path.of(file)));
    }

    private static JsonNode read(Path file) {
        try {
            return Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mock config " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the mock config " + file + " is not JSON: " + e.getMessage(), e);
        }
    }
}
