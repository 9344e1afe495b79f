package io.nagare.local.integration;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.LocalServiceFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * AWS SDK v2 clients pointed at a local runtime's one endpoint, as an application configures them with
 * {@code AWS_ENDPOINT_URL}, with the runtime's region and account.
 */
final class LocalAws implements AutoCloseable {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    static final String REGION = "ap-northeast-1";
    static final String ACCOUNT = "000000000000";

    final String endpointUrl;
    final EventBridgeClient events;
    final SqsClient sqs;
    private final LocalRuntime runtime;

    LocalAws(String endpointUrl) {
        this(null, endpointUrl);
    }

    private LocalAws(LocalRuntime runtime, String endpointUrl) {
        this.runtime = runtime;
        this.endpointUrl = endpointUrl;
        URI endpoint = URI.create(endpointUrl);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test", "test"));
        this.events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /**
     * Starts a runtime as {@code ./nagare up} does (every service on the classpath, state in {@code dataDirectory})
     * on a free port, and clients for it; closing stops both.
     */
    static LocalAws startAll(Path dataDirectory) {
        LocalRuntime runtime = LocalRuntime.builder().port(0).dataDirectory(dataDirectory).start();
        return new LocalAws(runtime, runtime.endpointUrl());
    }

    /** Starts a runtime on a free port with {@code services} only, and clients for it; closing stops both. */
    static LocalAws start(LocalRuntime.Builder builder, List<LocalServiceFactory> services) {
        builder.port(0).discoverServices(false);
        services.forEach(builder::service);
        LocalRuntime runtime = builder.start();
        return new LocalAws(runtime, runtime.endpointUrl());
    }

    String createQueue(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    static String queueArn(String name) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    /** The messages a queue holds now or receives within {@code waitSeconds}, up to ten, with all attributes. */
    List<Message> receive(String queueUrl, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .messageAttributeNames("All")).messages();
    }

    @Override
    public void close() {
        events.close();
        sqs.close();
        if (runtime != null) {
            runtime.close();
        }
    }
}
