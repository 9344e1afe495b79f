package io.nagare.local.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsServiceException;

/** PutTargets, RemoveTargets, ListTargetsByRule. */
final class TargetOperations {

    /** EventBridge allows five targets per rule. */
    static final int MAX_TARGETS_PER_RULE = 5;

    private final EventBridgeState state;

    TargetOperations(EventBridgeState state) {
        this.state = state;
    }

    ObjectNode put(ObjectNode input) {
        String bus = EventBridgeArns.busName(Params.optional(input, "EventBusName"));
        String ruleName = Params.name(input, "Rule", Params.RULE_NAME, 64);
        JsonNode targets = input.path("Targets");
        if (!targets.isArray() || targets.isEmpty()) {
            throw Params.validation("Value '[]' at 'targets' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        if (targets.size() > 10) {
            throw Params.validation("Value at 'targets' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 10");
        }
        validate(targets);
        state.requireRule(bus, ruleName);
        Map<String, ObjectNode> existing = new TreeMap<>();
        state.targetsOf(bus, ruleName).forEach(target -> existing.put(target.get("Id").asText(), target));
        ObjectNode output = EventJson.object();
        ArrayNode failed = output.putArray("FailedEntries");
        for (JsonNode target : targets) {
            String id = target.get("Id").asText();
            String arn = target.get("Arn").asText();
            String service = EventBridgeArns.service(arn);
            if (service == null) {
                failed.add(failure(id, "ValidationException",
                        "Parameter " + arn + " is not valid. Reason: Provided Arn is not in correct format."));
            } else if (!TargetInvokers.SUPPORTED.contains(service)) {
                failed.add(failure(id, "ValidationException", "not supported: " + service
                        + " targets (the local runtime delivers to sqs, lambda, states and events targets)"));
            } else {
                if (!existing.containsKey(id) && existing.size() >= MAX_TARGETS_PER_RULE) {
                    throw new AwsServiceException("LimitExceededException",
                            "The requested resource exceeds the maximum number allowed.");
                }
                existing.put(id, (ObjectNode) target);
                state.store.targets.put(EventBridgeStore.targetKey(bus, ruleName, id), EventJson.write(target));
            }
        }
        state.store.commit();
        state.reindex(bus, ruleName);
        output.put("FailedEntryCount", failed.size());
        return output;
    }

    ObjectNode remove(ObjectNode input) {
        String bus = EventBridgeArns.busName(Params.optional(input, "EventBusName"));
        String ruleName = Params.name(input, "Rule", Params.RULE_NAME, 64);
        state.requireRule(bus, ruleName);
        ObjectNode output = EventJson.object();
        ArrayNode failed = output.putArray("FailedEntries");
        for (JsonNode id : input.path("Ids")) {
            if (state.store.targets.remove(EventBridgeStore.targetKey(bus, ruleName, id.asText())) == null) {
                failed.add(failure(id.asText(), "ResourceNotFoundException",
                        "Rule '" + ruleName + "' does not have a target with the Id '" + id.asText() + "'."));
            }
        }
        state.store.commit();
        state.reindex(bus, ruleName);
        output.put("FailedEntryCount", failed.size());
        return output;
    }

    ObjectNode list(ObjectNode input) {
        String bus = EventBridgeArns.busName(Params.optional(input, "EventBusName"));
        String ruleName = Params.name(input, "Rule", Params.RULE_NAME, 64);
        state.requireRule(bus, ruleName);
        Map<String, ObjectNode> byId = new TreeMap<>();
        state.targetsOf(bus, ruleName).forEach(target -> byId.put(target.get("Id").asText(), target));
        ObjectNode output = EventJson.object();
        ArrayNode targets = output.putArray("Targets");
        for (String id : Paging.page(new ArrayList<>(byId.keySet()), input, output, 100)) {
            targets.add(byId.get(id));
        }
        return output;
    }

    /** Request-wide checks: AWS rejects the whole call for these. */
    private static void validate(JsonNode targets) {
        int index = 0;
        for (JsonNode target : targets) {
            index++;
            String where = "targets." + index + ".member.";
            if (!target.hasNonNull("Id")) {
                throw Params.validation("Value null at '" + where + "id' failed to satisfy constraint: "
                        + "Member must not be null");
            }
            if (!target.hasNonNull("Arn")) {
                throw Params.validation("Value null at '" + where + "arn' failed to satisfy constraint: "
                        + "Member must not be null");
            }
            String id = target.get("Id").asText();
            Params.checkName(id, where + "id", Params.RULE_NAME, 64);
            List<String> inputs = new ArrayList<>();
            for (String member : List.of("Input", "InputPath", "InputTransformer")) {
                if (target.hasNonNull(member)) {
                    inputs.add(member);
                }
            }
            if (inputs.size() > 1) {
                throw Params.invalid("Only one of Input, InputPath, or InputTransformer must be provided for target "
                        + id + ".");
            }
            if (target.hasNonNull("InputTransformer")) {
                TargetInput.validate(id, target.get("InputTransformer"));
            }
            if (target.has("RetryPolicy")) {
                RetryPolicy.validate(target.get("RetryPolicy"), index);
            }
        }
    }

    private static ObjectNode failure(String id, String code, String message) {
        return EventJson.object().put("TargetId", id).put("ErrorCode", code).put("ErrorMessage", message);
    }
}
