package io.nagare.local.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.provisioning.ProvisioningReport.Outcome;
import io.nagare.local.provisioning.WireClient.Api;
import io.nagare.local.provisioning.WireClient.ServiceError;
import io.nagare.platform.model.EventBusDeclaration;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.SubscriptionDeclaration;

/**
 * Declared buses (with their archive) and subscriptions (a rule and its one target) through the EventBridge API.
 * PutRule and PutTargets replace what they name, so a changed pattern, input, retry policy or dead-letter queue
 * applies at the next start; the target's id is the subscription's name.
 */
final class EventProvisioning {

    private static final String DEFAULT_BUS = "default";

    private final WireClient wire;
    private final ResourceNames names;
    private final ProvisioningReport report;

    EventProvisioning(WireClient wire, ResourceNames names, ProvisioningReport report) {
        this.wire = wire;
        this.names = names;
        this.report = report;
    }

    void provision(EventBusDeclaration bus) {
        if (bus.name().equals(DEFAULT_BUS)) {
            report.record("bus", bus.name(), Outcome.UNCHANGED, "");
        } else {
            try {
                wire.call(Api.EVENTBRIDGE, "CreateEventBus", wire.request().put("Name", bus.name()));
                report.record("bus", bus.name(), Outcome.CREATED, "");
            } catch (ServiceError e) {
                if (!e.is("ResourceAlreadyExistsException")) {
                    throw e;
                }
                report.record("bus", bus.name(), Outcome.UNCHANGED, "");
            }
        }
        if (bus.archiveRetentionDays() != null) {
            provisionArchive(bus);
        }
    }

    /** The archive's name: the bus's, with the characters archive names refuse made {@code -}, at most 48. */
    static String archiveName(String bus) {
        String name = bus.replaceAll("[^.\\-_A-Za-z0-9]", "-") + "-archive";
        return name.length() <= 48 ? name : name.substring(name.length() - 48);
    }

    private void provisionArchive(EventBusDeclaration bus) {
        String name = archiveName(bus.name());
        JsonNode existing;
        try {
            existing = wire.call(Api.EVENTBRIDGE, "DescribeArchive", wire.request().put("ArchiveName", name));
        } catch (ServiceError e) {
            if (!e.is("ResourceNotFoundException")) {
                throw e;
            }
            wire.call(Api.EVENTBRIDGE, "CreateArchive", wire.request()
                    .put("ArchiveName", name)
                    .put("EventSourceArn", names.busArn(bus.name()))
                    .put("RetentionDays", bus.archiveRetentionDays())
                    .put("Description", "Every event of the bus " + bus.name() + ", for replay"));
            report.record("archive", name, Outcome.CREATED, "");
            return;
        }
        if (existing.path("RetentionDays").asInt(0) != bus.archiveRetentionDays()) {
            report.warn("archive " + name + ": keeps events " + existing.path("RetentionDays").asInt(0)
                    + " days, the declaration says " + bus.archiveRetentionDays()
                    + "; not supported: UpdateArchive, so it was left as it is");
        }
        report.record("archive", name, Outcome.UNCHANGED, "");
    }

    void provision(SubscriptionDeclaration subscription) {
        ObjectNode target = target(subscription);
        JsonNode rule = describeRule(subscription);
        if (rule != null && sameJson(rule.path("EventPattern").asText(), subscription.pattern())
                && rule.path("State").asText().equals("ENABLED") && target.equals(existingTarget(subscription))) {
            report.record("subscription", subscription.name(), Outcome.UNCHANGED, "");
            return;
        }
        wire.call(Api.EVENTBRIDGE, "PutRule", wire.request()
                .put("Name", subscription.name())
                .put("EventBusName", subscription.bus())
                .put("EventPattern", subscription.pattern())
                .put("State", "ENABLED")
                .put("Description", "subscription " + subscription.name() + " (" + subscription.owner() + ") -> "
                        + subscription.target()));
        ObjectNode request = wire.request().put("Rule", subscription.name()).put("EventBusName", subscription.bus());
        request.putArray("Targets").add(target);
        JsonNode answer = wire.call(Api.EVENTBRIDGE, "PutTargets", request);
        if (answer.path("FailedEntryCount").asInt(0) > 0) {
            throw new IllegalStateException("subscription " + subscription.name() + ": EventBridge refused its target: "
                    + answer.path("FailedEntries"));
        }
        report.record("subscription", subscription.name(), rule == null ? Outcome.CREATED : Outcome.UPDATED,
                rule == null ? "" : "rule and target put again");
    }

    private ObjectNode target(SubscriptionDeclaration subscription) {
        ObjectNode target = wire.request()
                .put("Id", subscription.name())
                .put("Arn", names.targetArn(subscription.target()));
        if (subscription.target().kind() == Reference.Kind.SAGA || subscription.target().kind() == Reference.Kind.BUS) {
            // EventBridge needs a role to start an execution or put events on another bus.
            target.put("RoleArn", names.role("nagare-events-" + subscription.name()));
        }
        if (subscription.input() != null) {
            target.put("Input", subscription.input());
        }
        if (subscription.inputPath() != null) {
            target.put("InputPath", subscription.inputPath());
        }
        if (subscription.inputTransformer() != null) {
            ObjectNode transformer = target.putObject("InputTransformer");
            ObjectNode paths = transformer.putObject("InputPathsMap");
            subscription.inputTransformer().inputPathsMap().forEach(paths::put);
            transformer.put("InputTemplate", subscription.inputTransformer().inputTemplate());
        }
        target.putObject("RetryPolicy")
                .put("MaximumRetryAttempts", subscription.retryPolicy().maximumRetryAttempts())
                .put("MaximumEventAgeInSeconds", subscription.retryPolicy().maximumEventAgeSeconds());
        if (subscription.deadLetterQueue() != null) {
            target.putObject("DeadLetterConfig").put("Arn", names.queueArn(subscription.deadLetterQueue()));
        }
        if (subscription.messageGroupId() != null) {
            target.putObject("SqsParameters").put("MessageGroupId", subscription.messageGroupId());
        }
        return target;
    }

    private JsonNode existingTarget(SubscriptionDeclaration subscription) {
        JsonNode targets = wire.call(Api.EVENTBRIDGE, "ListTargetsByRule", wire.request()
                .put("Rule", subscription.name()).put("EventBusName", subscription.bus())).path("Targets");
        for (JsonNode target : targets) {
            if (target.path("Id").asText().equals(subscription.name())) {
                return target;
            }
        }
        return null;
    }

    private JsonNode describeRule(SubscriptionDeclaration subscription) {
        try {
            return wire.call(Api.EVENTBRIDGE, "DescribeRule", wire.request()
                    .put("Name", subscription.name()).put("EventBusName", subscription.bus()));
        } catch (ServiceError e) {
            if (e.is("ResourceNotFoundException")) {
                return null;
            }
            throw e;
        }
    }

    private static boolean sameJson(String a, String b) {
        try {
            return WireClient.JSON.readTree(a).equals(WireClient.JSON.readTree(b));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
