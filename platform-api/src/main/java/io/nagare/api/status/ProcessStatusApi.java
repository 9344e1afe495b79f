package io.nagare.api.status;

import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.platform.saga.ExecutionNames;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * {@code GET /v1/processes?businessKey=...}: the saga instances of a business key. Each saga's instance is the
 * execution named {@link ExecutionNames#forBusinessKey}, so it is found without an index: DescribeExecution for
 * status, times, input and output (or error and cause), GetExecutionHistory (every page) for the steps.
 */
final class ProcessStatusApi {

    private final SfnClient sfn;
    private final Map<String, String> stateMachines;
    private final ObjectMapper mapper;

    /** @param stateMachines saga name → state machine ARN, the sagas this function may read */
    ProcessStatusApi(SfnClient sfn, Map<String, String> stateMachines, ObjectMapper mapper) {
        this.sfn = sfn;
        this.stateMachines = new TreeMap<>(stateMachines);
        this.mapper = mapper;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        Map<String, String> query = request.getQueryStringParameters();
        String businessKey = query == null ? null : query.get("businessKey");
        if (businessKey == null || businessKey.isEmpty()) {
            return answer(400, message("missing query parameter businessKey, e.g. GET /v1/processes?businessKey=o-1"
                    + " (the order id)"));
        }
        String executionName = ExecutionNames.forBusinessKey(businessKey);
        ObjectNode body = mapper.createObjectNode().put("businessKey", businessKey)
                .put("executionName", executionName);
        ArrayNode processes = body.putArray("processes");
        for (Map.Entry<String, String> saga : stateMachines.entrySet()) {
            String executionArn = ExecutionNames.executionArn(saga.getValue(), executionName);
            DescribeExecutionResponse execution;
            try {
                execution = sfn.describeExecution(b -> b.executionArn(executionArn));
            } catch (ExecutionDoesNotExistException | StateMachineDoesNotExistException e) {
                continue;
            }
            processes.add(process(saga.getKey(), execution));
        }
        if (processes.isEmpty()) {
            return answer(404, message("no process for business key '" + businessKey + "' (execution name '"
                    + executionName + "') in the sagas " + stateMachines.keySet()));
        }
        return answer(200, body);
    }

    private ObjectNode process(String saga, DescribeExecutionResponse execution) {
        ObjectNode process = mapper.createObjectNode().put("saga", saga)
                .put("executionArn", execution.executionArn())
                .put("status", execution.statusAsString())
                .put("startDate", execution.startDate().toString());
        if (execution.stopDate() != null) {
            process.put("stopDate", execution.stopDate().toString());
        }
        process.set("input", parse(execution.input()));
        if (execution.output() != null) {
            process.set("output", parse(execution.output()));
        }
        if (execution.error() != null) {
            process.put("error", execution.error());
        }
        if (execution.cause() != null) {
            process.put("cause", execution.cause());
        }
        ExecutionSteps steps = new ExecutionSteps(mapper);
        String token = null;
        do {
            String page = token;
            GetExecutionHistoryResponse history = sfn.getExecutionHistory(b -> b
                    .executionArn(execution.executionArn()).maxResults(1000).nextToken(page));
            for (HistoryEvent event : history.events()) {
                steps.add(event);
            }
            token = history.nextToken();
        } while (token != null);
        process.set("steps", steps.toJson());
        return process;
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return mapper.nullNode();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private APIGatewayV2HTTPResponse answer(int status, JsonNode body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(mapper.writeValueAsString(body)).withIsBase64Encoded(false).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

}
