package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.ManualClock;
import io.nagare.local.sqs.SqsServiceFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Task states reach the runtime's other services in-process, on their wire protocols: the runtime here listens on
 * no port at all, so a task that went through a socket would fail.
 */
class InProcessTaskCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalRuntime runtime;
    private StepFunctionsService stepFunctions;

    @BeforeEach
    void start() {
        runtime = LocalRuntime.builder().port(-1).clock(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")))
                .discoverServices(false)
                .service(new DynamoDbServiceFactory())
                .service(new SqsServiceFactory())
                .service(new StepFunctionsServiceFactory().withInlineExecution().withExecutionStatusEvents(false))
                .start();
        stepFunctions = runtime.service(StepFunctionsService.class).orElseThrow();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void tasks_shouldWriteReadAndSend_throughTheRuntimesServicesWithoutASocket() throws Exception {
        call("DynamoDB_20120810.CreateTable", "application/x-amz-json-1.0", """
                {"TableName": "orders", "BillingMode": "PAY_PER_REQUEST",
                 "AttributeDefinitions": [{"AttributeName": "orderId", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "orderId", "KeyType": "HASH"}]}""");
        String queueUrl = call("AmazonSQS.CreateQueue", "application/x-amz-json-1.0", """
                {"QueueName": "confirmations"}""").get("QueueUrl").asText();
        String definition = """
                {"StartAt": "Put", "States": {
                  "Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "ResultPath": null,
                    "Parameters": {"TableName": "orders", "Item": {"orderId": {"S.$": "$.orderId"}, "total": {"N": "39.80"}}},
                    "Next": "Get"},
                  "Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "ResultPath": "$.stored",
                    "Parameters": {"TableName": "orders", "Key": {"orderId": {"S.$": "$.orderId"}}}, "Next": "Send"},
                  "Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "ResultPath": null,
                    "Parameters": {"QueueUrl": "%s", "MessageBody.$": "$.stored.Item.total.N"}, "End": true}}}"""
                .formatted(queueUrl);
        ObjectNode create = JSON.createObjectNode().put("name", "store-and-tell").put("definition", definition)
                .put("roleArn", "arn:aws:iam::000000000000:role/test");
        String stateMachineArn = stepFunctions.call("CreateStateMachine", create).get("stateMachineArn").asText();

        String executionArn = stepFunctions.call("StartExecution", JSON.createObjectNode()
                .put("stateMachineArn", stateMachineArn).put("input", "{\"orderId\": \"o-1\"}"))
                .get("executionArn").asText();

        JsonNode described = stepFunctions.call("DescribeExecution", JSON.createObjectNode().put("executionArn", executionArn));
        assertThat(described.get("status").asText()).as(described.toString()).isEqualTo("SUCCEEDED");
        // DynamoDB answers numbers in their canonical form: 39.80 comes back as 39.8.
        assertThat(JSON.readTree(described.get("output").asText()).at("/stored/Item/total/N").asText()).isEqualTo("39.8");
        JsonNode received = call("AmazonSQS.ReceiveMessage", "application/x-amz-json-1.0",
                "{\"QueueUrl\": \"" + queueUrl + "\"}");
        assertThat(received.at("/Messages/0/Body").asText()).isEqualTo("39.8");
    }

    @Test
    void tasks_shouldFailWithTheServicesErrorCode_whenTheCallIsRefused() throws Exception {
        String definition = """
                {"StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
                  "Parameters": {"TableName": "missing", "Key": {"k": {"S": "v"}}}, "End": true}}}""";
        String stateMachineArn = stepFunctions.call("CreateStateMachine", JSON.createObjectNode().put("name", "refused")
                .put("definition", definition).put("roleArn", "arn:aws:iam::000000000000:role/test"))
                .get("stateMachineArn").asText();

        String executionArn = stepFunctions.call("StartExecution", JSON.createObjectNode()
                .put("stateMachineArn", stateMachineArn)).get("executionArn").asText();

        JsonNode described = stepFunctions.call("DescribeExecution", JSON.createObjectNode().put("executionArn", executionArn));
        assertThat(described.get("status").asText()).isEqualTo("FAILED");
        assertThat(described.get("error").asText()).isEqualTo("DynamoDB.ResourceNotFoundException");
    }

    private JsonNode call(String target, String contentType, String body) throws Exception {
        LocalResponse response = runtime.context().call(new LocalRequest("POST", "/", Map.of(),
                Map.of("X-Amz-Target", target, "Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
