package io.nagare.local.provisioning;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.provisioning.ProvisioningReport.Outcome;
import io.nagare.local.provisioning.WireClient.Api;
import io.nagare.local.provisioning.WireClient.ServiceError;
import io.nagare.platform.model.QueueDeclaration;

/**
 * Declared queues through the SQS API, each after its dead-letter queue (the redrive policy names the DLQ's ARN):
 * CreateQueue with its attributes when it does not exist, SetQueueAttributes for the attributes that differ when it
 * does. A queue's FIFO type cannot change; a difference is reported, not applied.
 */
final class QueueProvisioning {

    private static final String KIND = "queue";

    private final WireClient wire;
    private final ResourceNames names;
    private final ProvisioningReport report;

    QueueProvisioning(WireClient wire, ResourceNames names, ProvisioningReport report) {
        this.wire = wire;
        this.names = names;
        this.report = report;
    }

    /** Provisions every queue, dead-letter queues before the queues that name them. */
    void provisionAll(List<QueueDeclaration> queues) {
        Map<String, QueueDeclaration> pending = new LinkedHashMap<>();
        queues.forEach(queue -> pending.put(queue.name(), queue));
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (Iterator<QueueDeclaration> it = pending.values().iterator(); it.hasNext(); ) {
                QueueDeclaration queue = it.next();
                if (queue.deadLetterQueue() == null || !pending.containsKey(queue.deadLetterQueue())) {
                    provision(queue);
                    it.remove();
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("queues whose dead-letter queues form a cycle: " + pending.keySet());
            }
        }
    }

    void provision(QueueDeclaration queue) {
        Map<String, String> declared = attributes(queue);
        String url = existingUrl(queue.name());
        if (url == null) {
            ObjectNode request = wire.request().put("QueueName", queue.name());
            ObjectNode attributes = request.putObject("Attributes");
            declared.forEach(attributes::put);
            if (queue.fifo()) {
                attributes.put("FifoQueue", "true");
            }
            wire.call(Api.SQS, "CreateQueue", request);
            report.record(KIND, queue.name(), Outcome.CREATED, "");
            return;
        }
        ObjectNode get = wire.request().put("QueueUrl", url);
        get.putArray("AttributeNames").add("All");
        JsonNode existing = wire.call(Api.SQS, "GetQueueAttributes", get).path("Attributes");
        if (existing.path("FifoQueue").asBoolean(false) != queue.fifo()) {
            report.warn("queue " + queue.name() + ": declared " + (queue.fifo() ? "FIFO" : "standard")
                    + " but the existing queue is not; a queue's type cannot change, so it was left as it is");
        }
        ObjectNode set = wire.request().put("QueueUrl", url);
        ObjectNode attributes = set.putObject("Attributes");
        List<String> changed = new ArrayList<>();
        declared.forEach((name, value) -> {
            if (!sameValue(name, value, existing.path(name).asText(null))) {
                attributes.put(name, value);
                changed.add(name);
            }
        });
        if (!changed.isEmpty()) {
            wire.call(Api.SQS, "SetQueueAttributes", set);
        }
        report.record(KIND, queue.name(), changed.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED,
                String.join(", ", changed));
    }

    private Map<String, String> attributes(QueueDeclaration queue) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("VisibilityTimeout", Integer.toString(queue.visibilityTimeoutSeconds()));
        attributes.put("MessageRetentionPeriod", Integer.toString(queue.retentionSeconds()));
        if (queue.deadLetterQueue() != null) {
            attributes.put("RedrivePolicy", WireClient.JSON.createObjectNode()
                    .put("deadLetterTargetArn", names.queueArn(queue.deadLetterQueue()))
                    .put("maxReceiveCount", queue.maxReceiveCount()).toString());
        }
        return attributes;
    }

    /** SQS answers the redrive policy as JSON whose member order and number quoting may differ from ours. */
    private static boolean sameValue(String name, String declared, String existing) {
        if (existing == null) {
            return false;
        }
        if (!name.equals("RedrivePolicy")) {
            return declared.equals(existing);
        }
        try {
            JsonNode a = WireClient.JSON.readTree(declared);
            JsonNode b = WireClient.JSON.readTree(existing);
            return a.path("deadLetterTargetArn").asText().equals(b.path("deadLetterTargetArn").asText())
                    && a.path("maxReceiveCount").asInt() == b.path("maxReceiveCount").asInt();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String existingUrl(String name) {
        try {
            return wire.call(Api.SQS, "GetQueueUrl", wire.request().put("QueueName", name)).path("QueueUrl").asText();
        } catch (ServiceError e) {
            if (e.is("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue")) {
                return null;
            }
            throw e;
        }
    }
}
