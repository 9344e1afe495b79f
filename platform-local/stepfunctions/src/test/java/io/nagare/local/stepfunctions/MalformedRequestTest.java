package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Whatever a client sends, every operation answers with an AWS error shape and a 4xx, never a 500. */
class MalformedRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATIONS = List.of("CreateStateMachine", "UpdateStateMachine",
            "DescribeStateMachine", "ListStateMachines", "DeleteStateMachine", "ValidateStateMachineDefinition",
            "StartExecution", "StartSyncExecution", "DescribeExecution", "DescribeStateMachineForExecution",
            "ListExecutions", "GetExecutionHistory", "StopExecution", "RedriveExecution", "SendTaskSuccess",
            "SendTaskFailure", "SendTaskHeartbeat", "TestState", "TagResource");
    private static final List<String> MEMBERS = List.of("name", "definition", "roleArn", "type", "stateMachineArn",
            "executionArn", "input", "output", "taskToken", "maxResults", "nextToken", "statusFilter", "reverseOrder",
            "error", "cause", "severity", "loggingConfiguration", "variables", "inspectionLevel", "mock");
    private static final List<String> VALUES = List.of("12", "true", "[1]", "{\"a\":1}", "\"\"", "\"x\"",
            "\"arn:aws:states:ap-northeast-1:000000000000:stateMachine:missing\"",
            "\"arn:aws:states:ap-northeast-1:000000000000:execution:missing:e\"", "\"{\\\"StartAt\\\":1}\"",
            "\"{\\\"Type\\\":\\\"Map\\\"}\"", "-5", "null");

    private final LocalStepFunctions local = LocalStepFunctions.inline();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void everyOperation_shouldAnswer4xxWithAnErrorType_whenMembersHaveWrongTypesOrValues() throws Exception {
        local.createStateMachine("existing", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "{}", "null", "\"text\""));
        for (String member : MEMBERS) {
            for (String value : VALUES) {
                bodies.add("{\"" + member + "\":" + value + "}");
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String operation : OPERATIONS) {
            for (String body : bodies) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.runtime.endpointUrl()))
                        .header("X-Amz-Target", "AWSStepFunctions." + operation)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    continue;
                }
                JsonNode error = parseOrNull(response.body());
                if (response.statusCode() >= 500 || error == null || !error.hasNonNull("__type")) {
                    wrong.add(operation + " " + body + " -> " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
