package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.nagare.local.lambda.handlers.FailingHandler;
import io.nagare.local.lambda.handlers.QueueBatchHandler;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The Lambda service with the runtime's real SQS service (embedded ElasticMQ), both on one manual clock. */
class SqsIntegrationTest {

    private static final ManualClock CLOCK = new ManualClock(LocalLambda.START);
    private static LocalRuntime runtime;
    private static SqsClient sqs;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).clock(CLOCK)
                .service(new SqsServiceFactory())
                .service(new LambdaServiceFactory(PlatformModel.builder().owner("fulfilment")
                        .queue("shipments", q -> q.deadLetterQueue("shipments-dlq").maxReceiveCount(2))
                        .queue("shipments-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                        .queue("charge-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                        .function("ship", f -> f.handler(QueueBatchHandler.class).consumes("shipments"))
                        .function("charge", f -> f.handler(FailingHandler.class).deadLetterQueue("charge-dlq")
                                .asyncRetryAttempts(0))
                        .build()).withInlineDispatch().withLogSink(FunctionLogSink.discard()))
                .start();
        AwsBasicCredentials credentials = AwsBasicCredentials.create("test", "test");
        sqs = SqsClient.builder().endpointOverride(URI.create(runtime.endpointUrl())).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        lambda = LambdaClient.builder().endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqs.createQueue(b -> b.queueName("shipments-dlq"));
        sqs.createQueue(b -> b.queueName("charge-dlq"));
        sqs.createQueue(b -> b.queueName("shipments").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "30",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"arn:aws:sqs:ap-northeast-1:"
                        + "000000000000:shipments-dlq\",\"maxReceiveCount\":\"2\"}")));
    }

    @AfterAll
    static void stop() {
        sqs.close();
        lambda.close();
        runtime.close();
    }

    @BeforeEach
    void reset() {
        QueueBatchHandler.reset();
        FailingHandler.succeed = false;
    }

    @Test
    void mapping_shouldMoveOnlyThePoisonMessageToTheDlq_afterMaxReceiveCount_whileTheRestOfItsBatchSucceeds() {
        String url = sqs.getQueueUrl(b -> b.queueName("shipments")).queueUrl();
        for (String body : List.of("shipment 1", "poison", "shipment 2")) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }

        CLOCK.advance(QueuePoller.UNAVAILABLE_DELAY);
        assertThat(QueueBatchHandler.bodies()).containsExactlyInAnyOrder("shipment 1", "poison", "shipment 2");
        CLOCK.advance(Duration.ofSeconds(31));
        assertThat(QueueBatchHandler.bodies()).hasSize(4).endsWith("poison");
        CLOCK.advance(Duration.ofSeconds(31));

        assertThat(QueueBatchHandler.bodies()).hasSize(4);
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(queueUrl("shipments-dlq")).maxNumberOfMessages(10))
                .messages();
        assertThat(dead).extracting(Message::body).containsExactly("poison");
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
        assertThat(QueueBatchHandler.BATCHES.get(0).getRecords().get(0).getAttributes())
                .containsKeys("ApproximateReceiveCount", "SentTimestamp", "ApproximateFirstReceiveTimestamp");
    }

    @Test
    void asyncInvocation_shouldReachTheFunctionsDlqWithLambdasAttributes_whenItFails() {
        String requestId = lambda.invoke(b -> b.functionName("charge").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"orderId\": \"o-3\"}"))).responseMetadata().requestId();

        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(queueUrl("charge-dlq"))
                .messageAttributeNames("All")).messages();

        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("{\"orderId\": \"o-3\"}");
            Map<String, MessageAttributeValue> attributes = message.messageAttributes();
            assertThat(attributes.get("RequestID").stringValue()).isEqualTo(requestId);
            assertThat(attributes.get("ErrorCode").stringValue()).isEqualTo("200");
            assertThat(attributes.get("ErrorMessage").stringValue()).isEqualTo("payment declined for o-3");
        });
    }

    private static String queueUrl(String name) {
        return runtime.endpointUrl() + "/000000000000/" + name;
    }
}
