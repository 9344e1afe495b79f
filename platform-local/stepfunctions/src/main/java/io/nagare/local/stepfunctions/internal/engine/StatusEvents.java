package io.nagare.local.stepfunctions.internal.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.AwsServiceCalls;
import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Publishes "Step Functions Execution Status Change" events ({@code source: aws.states}) to the default event bus,
 * as AWS does for STANDARD executions. Delivery is best effort: without a local EventBridge nothing is published.
 */
final class StatusEvents {

    private final AwsServiceCalls calls;
    private final boolean enabled;
    StatusEvents(AwsServiceCalls calls, boolean enabled) {
        this.calls = calls;
        this.enabled = enabled;
    }

    void publish(ExecutionRecord record) {
        if (!enabled || record.express()) {
            return;
        }
        ObjectNode detail = Json.object();
        detail.put("executionArn", record.arn());
        detail.put("stateMachineArn", record.stateMachineArn());
        detail.put("name", record.name());
        detail.put("status", record.status().name());
        detail.put("startDate", record.startDate().toEpochMilli());
        if (record.stopDate() != null) {
            detail.put("stopDate", record.stopDate().toEpochMilli());
        } else {
            detail.putNull("stopDate");
        }
        detail.put("input", record.input());
        detail.put("output", record.output());
        ObjectNode included = Json.object().put("included", true);
        detail.set("inputDetails", included);
        detail.set("outputDetails", record.output() == null ? Json.NODES.nullNode() : included);
        detail.put("error", record.error());
        detail.put("cause", record.cause());
        ObjectNode entry = Json.object();
        entry.put("Source", "aws.states");
        entry.put("DetailType", "Step Functions Execution Status Change");
        entry.put("Detail", Json.write(detail));
        entry.put("EventBusName", "default");
        entry.set("Resources", Json.array().add(record.arn()));
        ObjectNode request = Json.object();
        ArrayNode entries = request.putArray("Entries");
        entries.add(entry);
        calls.call("events", "PutEvents", request);
    }
}
