package io.nagare.local.stepfunctions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.StepFunctionsService;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * A JUnit 5 extension for saga tests with Step Functions Local's MockConfigFile:
 *
 * <pre>{@code
 * @RegisterExtension
 * final SagaTestKit saga = SagaTestKit.forDefinition(Path.of("order-fulfilment.asl.json"))
 *         .withMockConfig(Path.of("src/test/resources/order-fulfilment-mocks.json"));
 *
 * @Test
 * void paymentDeclined_shouldReleaseTheStock() {
 *     saga.run("PaymentDeclined", "{\"orderId\": \"o-1\"}")
 *         .expectFailure("OrderFailed", null)
 *         .expectPath("ValidateOrder", "ReserveInventory", "AuthorizePayment", "ReleaseStock", "OrderFailed");
 * }
 * }</pre>
 *
 * Each test gets a fresh in-process runtime on a manual clock: waits, retries and timeouts pass without sleeping.
 * Unmocked tasks fail unless {@link #withServiceCalls} answers them.
 */
public final class SagaTestKit implements BeforeEachCallback, AfterEachCallback {

    private static final String ROLE = "arn:aws:iam::000000000000:role/nagare-saga-test";
    /** How far a run moves the clock when the saga waits: past any retry back-off, short of an execution's year limit. */
    private static final Duration HORIZON = Duration.ofDays(300);

    private final String definition;
    private final String name;
    private final JsonNode mockConfig;
    private final Map<String, String> substitutions;
    private final AwsServiceCalls serviceCalls;
    private LocalRuntime runtime;
    private ManualClock clock;
    private StepFunctionsService service;
    private String stateMachineArn;

    private SagaTestKit(String definition, String name, JsonNode mockConfig, Map<String, String> substitutions,
                        AwsServiceCalls serviceCalls) {
        this.definition = definition;
        this.name = name;
        this.mockConfig = mockConfig;
        this.substitutions = Map.copyOf(substitutions);
        this.serviceCalls = serviceCalls;
    }

    /** The saga in an ASL file; its state machine name is the file's name without extension unless {@link #named}. */
    public static SagaTestKit forDefinition(Path file) {
        String fileName = file.getFileName().toString();
        String base = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
        return new SagaTestKit(read(file), base, null, Map.of(), AwsServiceCalls.unavailable());
    }

    /** The saga from ASL text, as state machine {@code name}. */
    public static SagaTestKit forDefinition(String name, String definition) {
        return new SagaTestKit(Objects.requireNonNull(definition), name, null, Map.of(), AwsServiceCalls.unavailable());
    }

    /** The state machine name the mock config's {@code StateMachines} uses for this saga. */
    public SagaTestKit named(String stateMachineName) {
        return new SagaTestKit(definition, stateMachineName, mockConfig, substitutions, serviceCalls);
    }

    public SagaTestKit withMockConfig(Path file) {
        return withMockConfig(read(file));
    }

    public SagaTestKit withMockConfig(String json) {
        return new SagaTestKit(definition, name, Json.parse(json), substitutions, serviceCalls);
    }

    /** Replaces {@code ${key}} in the definition, as CDK's definitionSubstitutions do. */
    public SagaTestKit withSubstitution(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(substitutions);
        more.put(key, value);
        return new SagaTestKit(definition, name, mockConfig, more, serviceCalls);
    }

    /** Answers the tasks the mock config does not mock (by default they fail as "not available"). */
    public SagaTestKit withServiceCalls(AwsServiceCalls calls) {
        return new SagaTestKit(definition, name, mockConfig, substitutions, Objects.requireNonNull(calls));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    /** Starts the runtime (the extension does this before each test). */
    public void start() {
        stop();
        clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        StepFunctionsServiceFactory factory = new StepFunctionsServiceFactory().withInlineExecution()
                .withServiceCalls(serviceCalls).withExecutionStatusEvents(false);
        if (mockConfig != null) {
            factory = factory.withMockConfig(mockConfig);
        }
        runtime = LocalRuntime.builder().port(-1).clock(clock).discoverServices(false).service(factory).start();
        service = runtime.service(StepFunctionsService.class).orElseThrow();
        String asl = definition;
        for (Map.Entry<String, String> substitution : substitutions.entrySet()) {
            asl = asl.replace("${" + substitution.getKey() + "}", substitution.getValue());
        }
        ObjectNode request = Json.object();
        request.put("name", name);
        request.put("definition", asl);
        request.put("roleArn", ROLE);
        stateMachineArn = service.call("CreateStateMachine", request).get("stateMachineArn").asText();
    }

    public void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    /** The manual clock of the current runtime. */
    public ManualClock clock() {
        return clock;
    }

    /** Runs the saga without mocks. */
    public SagaRun run(String input) {
        return execute(stateMachineArn, input);
    }

    /** Runs the saga with the mock config's test case {@code testCase}. */
    public SagaRun run(String testCase, String input) {
        return execute(stateMachineArn + "#" + testCase, input);
    }

    /**
     * Starts the saga with the mock config's test case and runs it as far as it goes without moving the clock, e.g.
     * to a {@code .waitForTaskToken} task that {@link #withServiceCalls} answered: the test then plays the callback
     * ({@link #sendTaskSuccess}, {@link #sendTaskFailure}, {@link #sendTaskHeartbeat}, {@link #clock()}) and ends
     * with {@link #finish}. Returns the execution ARN.
     */
    public String startExecution(String testCase, String input) {
        return begin(stateMachineArn + "#" + testCase, input);
    }

    /** How an execution started with {@link #startExecution} stands now, without moving the clock. */
    public SagaRun current(String executionArn) {
        requireStarted();
        return new SagaRun(executionArn, describe(executionArn), history(executionArn));
    }

    /** Moves the clock past every wait of the execution (retries, timeouts, heartbeats) and returns how it ended. */
    public SagaRun finish(String executionArn) {
        requireStarted();
        JsonNode described = describe(executionArn);
        if (described.path("status").asText().equals("RUNNING")) {
            // Timers run in due order as the clock passes them, so one long advance runs the saga to its end.
            clock.advance(HORIZON);
            described = describe(executionArn);
        }
        return new SagaRun(executionArn, described, history(executionArn));
    }

    /** SendTaskSuccess, as the worker holding the token would call it; AWS's errors (TaskTimedOut, ...) are thrown. */
    public void sendTaskSuccess(String taskToken, String outputJson) {
        ObjectNode request = tokenRequest(taskToken);
        request.put("output", outputJson);
        service.call("SendTaskSuccess", request);
    }

    /** SendTaskFailure with this error and cause (either may be null). */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        ObjectNode request = tokenRequest(taskToken);
        if (error != null) {
            request.put("error", error);
        }
        if (cause != null) {
            request.put("cause", cause);
        }
        service.call("SendTaskFailure", request);
    }

    /** SendTaskHeartbeat: the task's HeartbeatSeconds start again from the clock's now. */
    public void sendTaskHeartbeat(String taskToken) {
        service.call("SendTaskHeartbeat", tokenRequest(taskToken));
    }

    private ObjectNode tokenRequest(String taskToken) {
        requireStarted();
        ObjectNode request = Json.object();
        request.put("taskToken", Objects.requireNonNull(taskToken, "taskToken"));
        return request;
    }

    private SagaRun execute(String arn, String input) {
        return finish(begin(arn, input));
    }

    private String begin(String arn, String input) {
        requireStarted();
        ObjectNode request = Json.object();
        request.put("stateMachineArn", arn);
        request.put("input", input);
        return service.call("StartExecution", request).get("executionArn").asText();
    }

    private void requireStarted() {
        if (service == null) {
            throw new IllegalStateException("the kit is not started: register it with @RegisterExtension or call start()");
        }
    }

    private JsonNode describe(String executionArn) {
        ObjectNode request = Json.object();
        request.put("executionArn", executionArn);
        return service.call("DescribeExecution", request);
    }

    private List<JsonNode> history(String executionArn) {
        List<JsonNode> events = new ArrayList<>();
        String token = null;
        do {
            ObjectNode request = Json.object();
            request.put("executionArn", executionArn);
            request.put("maxResults", 1000);
            if (token != null) {
                request.put("nextToken", token);
            }
            JsonNode page = service.call("GetExecutionHistory", request);
            page.get("events").forEach(events::add);
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return events;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
