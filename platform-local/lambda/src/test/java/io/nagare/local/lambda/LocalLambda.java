package io.nagare.local.lambda;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.ManualClock;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A local runtime on port 0 with the Lambda service (inline dispatch, logs discarded), a manual clock, any other
 * services a test adds, and an AWS SDK v2 Lambda client that does not retry (so a throttle reaches the test).
 */
final class LocalLambda implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final ManualClock clock;
    final LocalRuntime runtime;
    final LambdaClient client;

    private LocalLambda(Builder builder) {
        this.clock = builder.clock;
        LambdaServiceFactory lambda = builder.lambda.apply(new LambdaServiceFactory(builder.model)
                .withInlineDispatch().withLogSink(FunctionLogSink.discard()));
        LocalRuntime.Builder runtime = LocalRuntime.builder().port(0).discoverServices(false).clock(clock)
                .service(lambda);
        builder.services.forEach(runtime::service);
        if (builder.dataDirectory != null) {
            runtime.dataDirectory(builder.dataDirectory);
        }
        this.runtime = runtime.start();
        this.client = LambdaClient.builder()
                .endpointOverride(URI.create(this.runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static LocalLambda start(PlatformModel model) {
        return builder(model).start();
    }

    static Builder builder(PlatformModel model) {
        return new Builder(model);
    }

    InvokeResponse invoke(String function, String payload) {
        return client.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    LambdaService service() {
        return runtime.service(LambdaService.class).orElseThrow();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        client.close();
        runtime.close();
    }

    static final class Builder {
        private final PlatformModel model;
        private ManualClock clock = new ManualClock(START);
        private UnaryOperator<LambdaServiceFactory> lambda = UnaryOperator.identity();
        private final List<LocalServiceFactory> services = new ArrayList<>();
        private Path dataDirectory;

        private Builder(PlatformModel model) {
            this.model = model;
        }

        Builder clock(ManualClock clock) {
            this.clock = clock;
            return this;
        }

        Builder lambda(UnaryOperator<LambdaServiceFactory> configure) {
            this.lambda = configure;
            return this;
        }

        Builder service(LocalServiceFactory service) {
            services.add(service);
            return this;
        }

        Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        LocalLambda start() {
            return new LocalLambda(this);
        }
    }
}
