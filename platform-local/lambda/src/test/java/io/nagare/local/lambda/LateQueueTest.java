package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nagare.local.lambda.handlers.QueueBatchHandler;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An SQS event source mapping whose queue is created after Lambda started, as {@code ./nagare up} provisions. */
class LateQueueTest {

    private ManualClock clock;
    private LocalRuntime runtime;
    private SqsClient sqs;

    @BeforeEach
    void start() {
        QueueBatchHandler.reset();
        clock = new ManualClock(LocalLambda.START);
        runtime = LocalRuntime.builder().port(0).discoverServices(false).clock(clock)
                .service(new SqsServiceFactory())
                .service(new LambdaServiceFactory(PlatformModel.builder().owner("fulfilment")
                        .queue("late", q -> q.deadLetterQueue("late-dlq").maxReceiveCount(2))
                        .queue("late-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                        .function("ship", f -> f.handler(QueueBatchHandler.class).consumes("late"))
                        .build()).withInlineDispatch().withLogSink(FunctionLogSink.discard()))
                .start();
        sqs = SqsClient.builder().endpointOverride(URI.create(runtime.endpointUrl())).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        sqs.close();
        runtime.close();
    }

    @Test
    void queueMapping_shouldKeepPollingOnTheClock_untilItsQueueIsCreated() {
        clock.advance(Duration.ofSeconds(25));
        String url = sqs.createQueue(b -> b.queueName("late")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("first parcel"));

        clock.advance(QueuePoller.UNAVAILABLE_DELAY);

        assertThat(QueueBatchHandler.bodies()).containsExactly("first parcel");
    }
}
