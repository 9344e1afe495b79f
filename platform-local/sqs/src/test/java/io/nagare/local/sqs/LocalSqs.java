package io.nagare.local.sqs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.runtime.targets.EventTargetInvoker;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local runtime on port 0 with the SQS service alone, a manual clock and an AWS SDK v2 client pointed at it.
 * Reopening the same data directory simulates a restart.
 */
final class LocalSqs implements AutoCloseable {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    final ManualClock clock;
    final LocalRuntime runtime;
    final SqsClient client;

    LocalSqs() {
        this(null);
    }

    LocalSqs(Path dataDirectory) {
        this(dataDirectory, new ManualClock(START));
    }

    /** A runtime on {@code dataDirectory} whose time is {@code clock}, e.g. the clock of a runtime it restarts. */
    LocalSqs(Path dataDirectory, ManualClock clock) {
        this.clock = clock;
        LocalRuntime.Builder builder = LocalRuntime.builder().port(0).discoverServices(false).clock(clock)
                .service(new SqsServiceFactory());
        if (dataDirectory != null) {
            builder.dataDirectory(dataDirectory);
        }
        this.runtime = builder.start();
        this.client = SqsClient.builder()
                .endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The URL clients are given for a queue on this runtime. */
    String queueUrl(String name) {
        return runtime.endpointUrl() + "/000000000000/" + name;
    }

    String createQueue(String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }

    EventTargetInvoker.Sqs invoker() {
        return runtime.service(EventTargetInvoker.Sqs.class).orElseThrow();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        client.close();
        runtime.close();
    }
}
