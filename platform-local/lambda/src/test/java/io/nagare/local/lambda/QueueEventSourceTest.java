package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import io.nagare.local.lambda.handlers.InvalidBatchResponseHandler;
import io.nagare.local.lambda.handlers.QueueBatchHandler;
import io.nagare.platform.model.FunctionDeclaration.QueueSource;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

class QueueEventSourceTest {

    private final InMemoryQueues queues = new InMemoryQueues();
    private LocalLambda lambda;

    @BeforeEach
    void start() {
        QueueBatchHandler.reset();
        lambda = LocalLambda.builder(PlatformModel.builder().owner("fulfilment")
                        .queue("shipments", q -> q.deadLetterQueue("dlq"))
                        .queue("returns", q -> q.deadLetterQueue("dlq"))
                        .queue("audits", q -> q.deadLetterQueue("dlq"))
                        .queue("invoices", q -> q.deadLetterQueue("dlq"))
                        .queue("dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                        .function("ship", f -> f.handler(QueueBatchHandler.class)
                                .consumes(QueueSource.of("shipments").withBatchSize(3)))
                        .function("take-back", f -> f.handler(QueueBatchHandler.class)
                                .consumes(QueueSource.of("returns").withReportBatchItemFailures(false)))
                        .function("audit", f -> f.handler(InvalidBatchResponseHandler.class).consumes("audits"))
                        .function("invoice", f -> f.handler(QueueBatchHandler.class)
                                .consumes(QueueSource.of("invoices").withBatchSize(10).withMaxBatchingWindowSeconds(5)))
                        .build())
                .lambda(factory -> factory.withQueues(queues))
                .start();
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    @Test
    void mapping_shouldInvokeTheFunctionWithBatchesOfAtMostTheBatchSize_andDeleteThem() {
        IntStream.rangeClosed(1, 7).forEach(i -> queues.send("shipments", "shipment " + i));

        lambda.advance(Duration.ofSeconds(1));

        assertThat(QueueBatchHandler.BATCHES).extracting(batch -> batch.getRecords().size()).containsExactly(3, 3, 1);
        assertThat(queues.deletedBodies()).containsExactly("shipment 1", "shipment 2", "shipment 3", "shipment 4",
                "shipment 5", "shipment 6", "shipment 7");
    }

    @Test
    void mapping_shouldGiveTheFunctionLambdasSqsRecords_whenItTakesAnSqsEvent() {
        String id = queues.send("shipments", "{\"orderId\": \"o-9\"}");

        lambda.advance(Duration.ofSeconds(1));

        SQSEvent.SQSMessage record = QueueBatchHandler.BATCHES.get(0).getRecords().get(0);
        assertThat(record.getMessageId()).isEqualTo(id);
        assertThat(record.getReceiptHandle()).isEqualTo("handle-" + id);
        assertThat(record.getBody()).isEqualTo("{\"orderId\": \"o-9\"}");
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:ap-northeast-1:000000000000:shipments");
        assertThat(record.getAwsRegion()).isEqualTo("ap-northeast-1");
        assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
        assertThat(record.getMessageAttributes().get("origin").getStringValue()).isEqualTo("test");
        assertThat(record.getMessageAttributes().get("origin").getDataType()).isEqualTo("String");
    }

    @Test
    void mapping_shouldDeleteAllButTheReportedFailures_whenTheFunctionReportsBatchItemFailures() {
        queues.send("shipments", "ok 1");
        queues.send("shipments", "poison");
        queues.send("shipments", "ok 2");

        lambda.advance(Duration.ofSeconds(1));

        assertThat(queues.deletedBodies()).containsExactly("ok 1", "ok 2");
        assertThat(queues.inFlight("shipments")).isEqualTo(1);
    }

    @Test
    void mapping_shouldDeleteNothing_whenTheFunctionFails() {
        QueueBatchHandler.fail = true;
        queues.send("shipments", "shipment 1");
        queues.send("shipments", "shipment 2");

        lambda.advance(Duration.ofSeconds(1));

        assertThat(QueueBatchHandler.BATCHES).hasSize(1);
        assertThat(queues.deletedBodies()).isEmpty();
        assertThat(queues.inFlight("shipments")).isEqualTo(2);
    }

    @Test
    void mapping_shouldDeliverTheMessagesAgain_whenTheyReturnAfterAFailure() {
        QueueBatchHandler.fail = true;
        queues.send("shipments", "shipment 1");
        lambda.advance(Duration.ofSeconds(1));

        QueueBatchHandler.fail = false;
        queues.returnInFlight("shipments");
        lambda.advance(Duration.ofSeconds(1));

        assertThat(QueueBatchHandler.bodies()).containsExactly("shipment 1", "shipment 1");
        assertThat(queues.deletedBodies()).containsExactly("shipment 1");
    }

    @Test
    void mapping_shouldDeleteTheWholeBatch_whenBatchItemFailuresAreNotReported() {
        queues.send("returns", "ok");
        queues.send("returns", "poison");

        lambda.advance(Duration.ofSeconds(1));

        assertThat(queues.deletedBodies()).containsExactly("ok", "poison");
    }

    @Test
    void mapping_shouldTreatTheBatchAsFailed_whenTheResponseNamesAMessageNotInTheBatch() {
        queues.send("audits", "audit 1");

        lambda.advance(Duration.ofSeconds(1));

        assertThat(queues.deletedBodies()).isEmpty();
        assertThat(queues.inFlight("audits")).isEqualTo(1);
    }

    @Test
    void mapping_shouldWaitForTheBatchingWindow_whenTheBatchIsNotFull() {
        queues.send("invoices", "invoice 1");
        lambda.advance(Duration.ofSeconds(1));
        queues.send("invoices", "invoice 2");
        lambda.advance(Duration.ofSeconds(3));
        assertThat(QueueBatchHandler.BATCHES).isEmpty();

        lambda.advance(Duration.ofSeconds(1));

        assertThat(QueueBatchHandler.BATCHES).singleElement()
                .satisfies(batch -> assertThat(batch.getRecords()).hasSize(2));
    }

    @Test
    void mapping_shouldPollAgain_whenTheQueueWasEmpty() {
        lambda.advance(Duration.ofSeconds(1));
        int polls = queues.receiveCalls();

        queues.send("shipments", "late shipment");
        lambda.advance(Duration.ofSeconds(1));

        assertThat(queues.receiveCalls()).isGreaterThan(polls);
        assertThat(QueueBatchHandler.bodies()).containsExactly("late shipment");
    }

    @Test
    void listEventSourceMappings_shouldShowTheModelsQueueSources_throughTheSdk() {
        var mappings = lambda.client.listEventSourceMappings(b -> b.functionName("ship")).eventSourceMappings();

        assertThat(mappings).singleElement().satisfies(mapping -> {
            assertThat(mapping.eventSourceArn()).isEqualTo("arn:aws:sqs:ap-northeast-1:000000000000:shipments");
            assertThat(mapping.functionArn()).isEqualTo("arn:aws:lambda:ap-northeast-1:000000000000:function:ship");
            assertThat(mapping.batchSize()).isEqualTo(3);
            assertThat(mapping.functionResponseTypes()).containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
            assertThat(mapping.state()).isEqualTo("Enabled");
        });
        assertThat(lambda.client.getEventSourceMapping(b -> b.uuid(mappings.get(0).uuid())).eventSourceArn())
                .isEqualTo("arn:aws:sqs:ap-northeast-1:000000000000:shipments");
        assertThat(lambda.client.listEventSourceMappings(b -> b.eventSourceArn(
                "arn:aws:sqs:ap-northeast-1:000000000000:invoices")).eventSourceMappings())
                .singleElement().satisfies(m -> assertThat(m.maximumBatchingWindowInSeconds()).isEqualTo(5));
    }
}
