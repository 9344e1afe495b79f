package io.nagare.local.integration.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.platform.saga.ExecutionNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The order process end to end, as a storefront partner drives it: a token from the OAuth2 issuer, an
 * {@code OrderPlaced} CloudEvent over HTTP to the partner API, the saga to its end, and the outcome event on the bus
 * (observed by a test rule that copies OrderConfirmed and OrderCancelled to an SQS queue). The platform runs as
 * {@code nagare up} runs it, with the partner simulators.
 */
class OrderProcessEndToEndTest {

    private static final String REGION = "ap-northeast-1";
    private static final String ACCOUNT = "000000000000";
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String SKU = "TEA-E2E-100G";

    @TempDir
    static Path data;
    private static LocalPlatform platform;
    private static Storefront storefront;
    private static SfnClient sfn;
    private static SqsClient sqs;
    private static EventBridgeClient events;
    private static String outcomesQueue;
    /** Outcome events seen so far, by order id: a message read for another test's order is kept for it. */
    private static final Map<String, JsonNode> OUTCOMES = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPlatform() {
        platform = LocalPlatform.start(data, LocalPlatform.Ports.free());
        storefront = new Storefront(platform.gatewayUrl(), platform.storefront());
        URI endpoint = platform.endpoint();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it"));
        sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.of(REGION)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION)).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            InvokeResponse restocked = lambda.invoke(r -> r.functionName("restock").payload(SdkBytes.fromUtf8String(
                    "{\"items\":[{\"sku\":\"" + SKU + "\",\"quantity\":100}]}")));
            assertThat(restocked.functionError()).as(restocked.payload().asUtf8String()).isNull();
        }
        outcomesQueue = sqs.createQueue(r -> r.queueName("it-order-outcomes")).queueUrl();
        events.putRule(r -> r.name("it-order-outcomes").eventBusName("nagare")
                .eventPattern("{\"detail-type\": [\"OrderConfirmed\", \"OrderCancelled\"]}"));
        events.putTargets(r -> r.rule("it-order-outcomes").eventBusName("nagare").targets(Target.builder()
                .id("queue").arn("arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":it-order-outcomes").build()));
    }

    @AfterAll
    static void stopPlatform() {
        if (sfn != null) {
            sfn.close();
            sqs.close();
            events.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void orderPlaced_shouldSucceedAndPublishOrderConfirmed_whenStockPaymentAndCarrierAllWork() throws Exception {
        String orderId = "e2e-happy-" + System.nanoTime();
        HttpResponse<String> placed = storefront.placeOrder(storefront.token(), orderId, "cust-e2e", SKU, 2);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);

        DescribeExecutionResponse execution = awaitEnd(orderId);

        assertThat(execution.status()).as(execution.error() + ": " + execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode outcome = awaitOutcome(orderId);
        assertThat(outcome.path("detail-type").asText()).isEqualTo("OrderConfirmed");
        assertThat(outcome.path("detail").path("orderId").asText()).isEqualTo(orderId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "out of stock,      cust-e2e,          1000000",
        "payment declined,  decline-e2e,       1",
        "provider outage,   outage-e2e,        1",
        "carrier failure,   carrier-fail-e2e,  1"})
    void orderPlaced_shouldCompensateAndPublishOrderCancelled_whenAStepFails(String path, String customer, int quantity)
            throws Exception {
        String orderId = "e2e-" + path.replace(' ', '-') + "-" + System.nanoTime();
        HttpResponse<String> placed = storefront.placeOrder(storefront.token(), orderId, customer, SKU, quantity);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);

        DescribeExecutionResponse execution = awaitEnd(orderId);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).as(execution.cause()).isEqualTo("OrderCancelled");
        JsonNode outcome = awaitOutcome(orderId);
        assertThat(outcome.path("detail-type").asText()).isEqualTo("OrderCancelled");
        assertThat(outcome.path("detail").path("orderId").asText()).isEqualTo(orderId);
    }

    /** Polls DescribeExecution until the order's saga is no longer running (deadline, no sleeping for time). */
    private static DescribeExecutionResponse awaitEnd(String orderId) throws InterruptedException {
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:order-fulfilment:"
                + ExecutionNames.forBusinessKey(orderId);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        DescribeExecutionResponse last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = sfn.describeExecution(r -> r.executionArn(arn));
                if (last.status() != ExecutionStatus.RUNNING) {
                    return last;
                }
            } catch (ExecutionDoesNotExistException notYet) {
                // accept-order has not started it yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the saga of " + orderId + " did not end within " + DEADLINE + "; last: " + last);
    }

    /** Reads the outcome queue (long polls) until the order's outcome event arrives. */
    private static JsonNode awaitOutcome(String orderId) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!OUTCOMES.containsKey(orderId) && System.nanoTime() < deadline) {
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(outcomesQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                JsonNode event = Storefront.parse(message.body());
                OUTCOMES.put(event.path("detail").path("orderId").asText(), event);
                sqs.deleteMessage(r -> r.queueUrl(outcomesQueue).receiptHandle(message.receiptHandle()));
            }
        }
        assertThat(OUTCOMES).as("outcome event of " + orderId).containsKey(orderId);
        return OUTCOMES.get(orderId);
    }
}
