package io.nagare.local.eventbridge;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * A local runtime on port 0 with EventBridge, in-test target services, a manual clock and queued delivery work,
 * plus an AWS SDK v2 client pointed at it. Reopening the same data directory simulates a restart.
 */
final class LocalEventBridge implements AutoCloseable {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    static final String QUEUE = "arn:aws:sqs:ap-northeast-1:000000000000:orders";
    static final String DLQ = "arn:aws:sqs:ap-northeast-1:000000000000:orders-dlq";
    static final String FUNCTION = "arn:aws:lambda:ap-northeast-1:000000000000:function:reserve";
    static final String STATE_MACHINE = "arn:aws:states:ap-northeast-1:000000000000:stateMachine:fulfil";

    final ManualClock clock;
    final QueuedExecutor work = new QueuedExecutor();
    final RecordingTargets targets = new RecordingTargets();
    final LocalRuntime runtime;
    final EventBridgeClient client;

    LocalEventBridge(Path dataDirectory) {
        this(dataDirectory, new ManualClock(START));
    }

    LocalEventBridge(Path dataDirectory, ManualClock clock) {
        this.clock = clock;
        LocalRuntime.Builder builder = LocalRuntime.builder().port(0).discoverServices(false).clock(clock)
                .service(context -> targets.sqs)
                .service(context -> targets.lambda)
                .service(context -> targets.stepFunctions)
                .service(new TestFactory(work));
        if (dataDirectory != null) {
            builder.dataDirectory(dataDirectory);
        }
        this.runtime = builder.start();
        this.client = EventBridgeClient.builder()
                .endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Runs the queued delivery work, then moves the clock and runs what that made due, until quiet. */
    void deliver() {
        work.runAll();
    }

    void advance(Duration duration) {
        clock.advance(duration);
        work.runAll();
    }

    @Override
    public void close() {
        client.close();
        runtime.close();
    }

    private record TestFactory(QueuedExecutor work) implements io.nagare.local.runtime.LocalServiceFactory {
        @Override
        public int order() {
            return 900;
        }

        @Override
        public io.nagare.local.runtime.LocalService create(io.nagare.local.runtime.RuntimeContext context) {
            return new EventBridgeService(context, work, () -> { });
        }
    }
}
