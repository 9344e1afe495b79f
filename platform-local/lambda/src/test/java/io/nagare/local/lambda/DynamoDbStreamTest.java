package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.dynamodb.DynamoDbStreamsServiceFactory;
import io.nagare.local.lambda.handlers.StreamHandler;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.platform.model.FunctionDeclaration.StartingPosition;
import io.nagare.platform.model.FunctionDeclaration.StreamSource;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import io.nagare.platform.model.TableDeclaration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * DynamoDB stream event source mappings against the runtime's real DynamoDB, DynamoDB Streams and SQS, on one manual
 * clock: the table is created after the runtime started, as {@code ./nagare up} does.
 */
class DynamoDbStreamTest {

    private ManualClock clock;
    private LocalRuntime runtime;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        StreamHandler.BATCHES.clear();
        clock = new ManualClock(LocalLambda.START);
        PlatformModel model = PlatformModel.builder().owner("orders")
                .table("orders", t -> t.partitionKey("id", TableDeclaration.AttributeType.S).stream(TableDeclaration.StreamViewType.NEW_AND_OLD_IMAGES))
                .table("ledger", t -> t.partitionKey("id", TableDeclaration.AttributeType.S).stream(TableDeclaration.StreamViewType.NEW_IMAGE))
                .table("audit", t -> t.partitionKey("id", TableDeclaration.AttributeType.S).stream(TableDeclaration.StreamViewType.NEW_IMAGE))
                .queue("projection-failures", QueueDeclaration.Builder::asDeadLetterQueue)
                .function("project-orders", f -> f.handler(StreamHandler.class).reads("orders")
                        .consumesStream(StreamSource.of("orders").withBatchSize(3)))
                .function("project-ledger", f -> f.handler(StreamHandler.class).reads("ledger")
                        .consumesStream(StreamSource.of("ledger").withBatchSize(10).withMaximumRetryAttempts(1)
                                .withOnFailureQueue("projection-failures")))
                .function("project-audit", f -> f.handler(StreamHandler.class).reads("audit")
                        .consumesStream(StreamSource.of("audit").withBatchSize(4).withBisectBatchOnError(true)
                                .withMaximumRetryAttempts(0).withOnFailureQueue("projection-failures")
                                .withStartingPosition(StartingPosition.TRIM_HORIZON)))
                .build();
        runtime = LocalRuntime.builder().port(0).discoverServices(false).clock(clock)
                .service(new DynamoDbServiceFactory())
                .service(new DynamoDbStreamsServiceFactory())
                .service(new SqsServiceFactory())
                .service(new LambdaServiceFactory(model).withInlineDispatch().withLogSink(FunctionLogSink.discard()))
                .start();
        AwsBasicCredentials credentials = AwsBasicCredentials.create("test", "test");
        URI endpoint = URI.create(runtime.endpointUrl());
        dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqs.createQueue(b -> b.queueName("projection-failures"));
    }

    @AfterEach
    void stop() {
        dynamoDb.close();
        sqs.close();
        lambda.close();
        runtime.close();
    }

    @Test
    void streamMapping_shouldWaitForTheTable_andDeliverItsChangesInOrderAsDynamodbEvents() {
        clock.advance(Duration.ofSeconds(30));
        createTable("orders");
        put("orders", "o-1", "placed");
        put("orders", "o-2", "placed");
        put("orders", "o-1", "paid");
        dynamoDb.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-2"))));

        clock.advance(Duration.ofSeconds(10));

        assertThat(StreamHandler.ids()).containsExactly("o-1", "o-2", "o-1", "o-2");
        assertThat(StreamHandler.batchSizes()).containsExactly(3, 1);
        DynamodbEvent.DynamodbStreamRecord modify = StreamHandler.BATCHES.get(0).getRecords().get(2);
        assertThat(modify.getEventName()).isEqualTo("MODIFY");
        assertThat(modify.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(modify.getEventSourceARN()).startsWith(
                "arn:aws:dynamodb:ap-northeast-1:000000000000:table/orders/stream/");
        assertThat(modify.getDynamodb().getOldImage().get("status").getS()).isEqualTo("placed");
        assertThat(modify.getDynamodb().getNewImage().get("status").getS()).isEqualTo("paid");
        assertThat(modify.getDynamodb().getApproximateCreationDateTime()).isNotNull();
        assertThat(StreamHandler.BATCHES.get(1).getRecords().get(0).getEventName()).isEqualTo("REMOVE");

        put("orders", "o-3", "placed");
        clock.advance(Duration.ofSeconds(1));
        assertThat(StreamHandler.ids()).endsWith("o-3").hasSize(5);
    }

    @Test
    void streamMapping_shouldRetryFromTheFirstReportedFailure_thenSendTheBatchToItsOnFailureQueue()
            throws IOException {
        createTable("ledger");
        put("ledger", "l-1", "ok");
        put("ledger", "l-2", "poison");
        put("ledger", "l-3", "ok");

        clock.advance(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        put("ledger", "l-4", "ok");
        clock.advance(Duration.ofSeconds(1));

        assertThat(StreamHandler.ids()).containsExactly("l-1", "l-2", "l-3", "l-2", "l-3", "l-4");
        List<Message> failures = sqs.receiveMessage(b -> b.queueUrl(queueUrl()).maxNumberOfMessages(10)).messages();
        assertThat(failures).hasSize(1);
        JsonNode record = Jsons.parse(failures.get(0).body().getBytes());
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.path("requestContext").path("functionArn").asText())
                .isEqualTo("arn:aws:lambda:ap-northeast-1:000000000000:function:project-ledger");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(2);
        assertThat(record.path("DDBStreamBatchInfo").path("streamArn").asText()).contains("table/ledger/stream/");
        assertThat(record.path("DDBStreamBatchInfo").path("startSequenceNumber").asText())
                .isEqualTo(StreamHandler.BATCHES.get(0).getRecords().get(1).getDynamodb().getSequenceNumber());
    }

    @Test
    void streamMapping_shouldBisectAFailingBatch_downToTheRecordThatFails() throws IOException {
        createTable("audit");
        put("audit", "a-1", "ok");
        put("audit", "a-2", "ok");
        put("audit", "a-3", "boom");
        put("audit", "a-4", "ok");

        clock.advance(Duration.ofSeconds(1));

        // [1,2,3,4] fails, [1,2] succeeds, [3,4] fails, [3] fails and is skipped at once (no retries), [4] succeeds.
        assertThat(StreamHandler.batchSizes()).containsExactly(4, 2, 2, 1, 1);
        assertThat(StreamHandler.ids()).containsExactly("a-1", "a-2", "a-3", "a-4", "a-1", "a-2", "a-3", "a-4",
                "a-3", "a-4");
        List<Message> failures = sqs.receiveMessage(b -> b.queueUrl(queueUrl()).maxNumberOfMessages(10)).messages();
        assertThat(failures).singleElement().satisfies(message -> {
            JsonNode record = Jsons.parse(message.body().getBytes());
            assertThat(record.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
            assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        });
    }

    @Test
    void listEventSourceMappings_shouldDescribeStreamMappings_withTheirRetryAndDestinationSettings() {
        createTable("ledger");
        clock.advance(Duration.ofSeconds(1));

        List<EventSourceMappingConfiguration> mappings = lambda.listEventSourceMappings(b -> b
                .functionName("project-ledger")).eventSourceMappings();

        assertThat(mappings).singleElement().satisfies(mapping -> {
            assertThat(mapping.eventSourceArn()).contains("table/ledger/stream/");
            assertThat(mapping.batchSize()).isEqualTo(10);
            assertThat(mapping.maximumRetryAttempts()).isEqualTo(1);
            assertThat(mapping.startingPositionAsString()).isEqualTo("TRIM_HORIZON");
            assertThat(mapping.destinationConfig().onFailure().destination())
                    .isEqualTo("arn:aws:sqs:ap-northeast-1:000000000000:projection-failures");
            assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
        });
    }

    private String queueUrl() {
        return sqs.getQueueUrl(b -> b.queueName("projection-failures")).queueUrl();
    }

    private void createTable(String name) {
        dynamoDb.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private void put(String table, String id, String status) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id),
                "status", AttributeValue.fromS(status))));
    }
}
