package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * By default Task states reach the runtime's other services through its endpoint, on their wire protocols.
 */
class LoopbackIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sqsTask_shouldCallTheLocalQueueServiceThroughTheEndpoint_whenTheRuntimeRunsOne() throws Exception {
        RecordingService sqs = new RecordingService("sqs", "AmazonSQS", "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"x\"}");
        // Receives the execution status events, which go out by default.
        RecordingService events = new RecordingService("events", "AWSEvents", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e\"}]}");
        StepFunctionsServiceFactory factory = new StepFunctionsServiceFactory().withInlineExecution();
        try (LocalStepFunctions local = new LocalStepFunctions(factory, null, sqs, events)) {
            String machine = local.createStateMachine("notify", """
                    {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
                     "Parameters":{"QueueUrl":"http://localhost:4566/000000000000/orders","MessageBody":{"order.$":"$.order"}},
                     "ResultSelector":{"id.$":"$.MessageId"},"End":true}}}""");

            String execution = local.start(machine, "{\"order\":\"o-9\"}");
            String status = local.runtime.service(StepFunctionsService.class).orElseThrow().whenEnded(execution)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(status).isEqualTo("SUCCEEDED");
            assertThat(local.describe(execution).output()).isEqualTo("{\"id\":\"m-1\"}");
            assertThat(sqs.received).hasSize(1);
            assertThat(sqs.received.get(0)).startsWith("AmazonSQS.SendMessage ");
            JsonNode request = JSON.readTree(sqs.received.get(0).substring("AmazonSQS.SendMessage ".length()));
            assertThat(request.get("MessageBody").asText()).isEqualTo("{\"order\":\"o-9\"}");
        }
    }
}
