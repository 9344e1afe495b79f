package io.nagare.local.stepfunctions.internal.engine;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * A state machine as DescribeStateMachine reports it. The current definition is also kept by revision, so running
 * executions keep the definition they started with.
 */
public record StateMachineRecord(String arn, long seq, String name, String type, String definition, String roleArn,
                                 String revisionId, Instant creationDate, Instant updateDate,
                                 JsonNode loggingConfiguration, JsonNode tracingConfiguration, String description) {

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("arn", arn);
        json.put("seq", seq);
        json.put("name", name);
        json.put("type", type);
        json.put("definition", definition);
        json.put("roleArn", roleArn);
        json.put("revisionId", revisionId);
        json.put("creationDate", creationDate.toEpochMilli());
        json.put("updateDate", updateDate.toEpochMilli());
        json.set("loggingConfiguration", loggingConfiguration);
        json.set("tracingConfiguration", tracingConfiguration);
        json.put("description", description);
        return json;
    }

    public static StateMachineRecord fromJson(JsonNode json) {
        return new StateMachineRecord(json.get("arn").textValue(), json.get("seq").longValue(),
                json.get("name").textValue(),
                json.get("type").textValue(), json.get("definition").textValue(), json.get("roleArn").textValue(),
                json.get("revisionId").textValue(), Instant.ofEpochMilli(json.get("creationDate").longValue()),
                Instant.ofEpochMilli(json.get("updateDate").longValue()), json.get("loggingConfiguration"),
                json.get("tracingConfiguration"), json.path("description").textValue());
    }

    public boolean express() {
        return "EXPRESS".equals(type);
    }
}
