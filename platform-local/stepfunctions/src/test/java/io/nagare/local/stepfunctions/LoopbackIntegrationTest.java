package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;

/**
 * By default Task states reach the runtime's other services through its endpoint, on their wire protocols.
 */
class LoopbackIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stand-in for a local service: records the targets and bodies it receives, answers {@code answer}. */
    private record Recording(String name, String targetPrefix, String answer, List<String> received)
            implements LocalService, LocalServiceFactory {

        @Override
        public boolean handles(LocalRequest request) {
            String target = request.header("X-Amz-Target");
            return target != null && target.startsWith(targetPrefix + ".");
        }

        @Override
        public LocalResponse handle(LocalRequest request) {
            received.add(request.header("X-Amz-Target") + " " + request.bodyAsString());
            return LocalResponse.of(200, "application/x-amz-json-1.0", answer.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public LocalService create(io.nagare.local.runtime.RuntimeContext context) {
            return this;
        }
    }

    @Test
    void sqsTask_shouldCallTheLocalQueueServiceThroughTheEndpoint_whenTheRuntimeRunsOne() throws Exception {
        Recording sqs = new Recording("sqs", "AmazonSQS", "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\"x\"}",
                new CopyOnWriteArrayList<>());
        // Receives the execution status events, which go out by default.
        Recording events = new Recording("events", "AWSEvents", "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e\"}]}",
                new CopyOnWriteArrayList<>());
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
            assertThat(sqs.received()).hasSize(1);
            assertThat(sqs.received().get(0)).startsWith("AmazonSQS.SendMessage ");
            JsonNode request = JSON.readTree(sqs.received().get(0).substring("AmazonSQS.SendMessage ".length()));
            assertThat(request.get("MessageBody").asText()).isEqualTo("{\"order\":\"o-9\"}");
        }
    }
}
