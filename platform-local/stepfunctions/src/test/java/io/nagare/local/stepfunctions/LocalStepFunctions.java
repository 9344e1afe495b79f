package io.nagare.local.stepfunctions;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.ManualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** A local runtime with only Step Functions on a free port, a manual clock, and an AWS SDK client for it. */
final class LocalStepFunctions implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::000000000000:role/nagare-test";

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock;
    final LocalRuntime runtime;
    final SfnClient sfn;

    LocalStepFunctions(StepFunctionsServiceFactory factory) {
        this(factory, null);
    }

    LocalStepFunctions(StepFunctionsServiceFactory factory, Path dataDirectory, LocalServiceFactory... others) {
        this(factory, dataDirectory, START, others);
    }

    LocalStepFunctions(StepFunctionsServiceFactory factory, Path dataDirectory, Instant start,
                       LocalServiceFactory... others) {
        this.clock = new ManualClock(start);
        LocalRuntime.Builder builder = LocalRuntime.builder().port(0).clock(clock).discoverServices(false)
                .dataDirectory(dataDirectory).service(factory);
        for (LocalServiceFactory other : others) {
            builder.service(other);
        }
        this.runtime = builder.start();
        this.sfn = SfnClient.builder()
                .endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    /** Executions run on the caller's thread; no status events (nothing would receive them). */
    static LocalStepFunctions inline() {
        return new LocalStepFunctions(new StepFunctionsServiceFactory().withInlineExecution()
                .withExecutionStatusEvents(false));
    }

    String createStateMachine(String name, String definition) {
        return createStateMachine(name, definition, StateMachineType.STANDARD);
    }

    String createStateMachine(String name, String definition, StateMachineType type) {
        return sfn.createStateMachine(CreateStateMachineRequest.builder().name(name).definition(definition)
                .roleArn(ROLE).type(type).build()).stateMachineArn();
    }

    String start(String stateMachineArn, String input) {
        return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).input(input)).executionArn();
    }

    DescribeExecutionResponse describe(String executionArn) {
        return sfn.describeExecution(b -> b.executionArn(executionArn));
    }

    /** Advances the clock a second at a time until the execution ends (at most {@code limit}). */
    DescribeExecutionResponse awaitEnd(String executionArn, Duration limit) {
        DescribeExecutionResponse described = describe(executionArn);
        Instant until = clock.now().plus(limit);
        while (described.status() == ExecutionStatus.RUNNING && clock.now().isBefore(until)) {
            clock.advance(Duration.ofSeconds(1));
            described = describe(executionArn);
        }
        return described;
    }

    @Override
    public void close() {
        sfn.close();
        runtime.close();
    }
}
