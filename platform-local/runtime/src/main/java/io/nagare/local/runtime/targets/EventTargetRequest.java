package io.nagare.local.runtime.targets;

import io.nagare.local.runtime.targets.EventTargetRequest;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery to a target.
 *
 * @param targetArn         the target's ARN
 * @param input             what the target receives: the event JSON, or the target's Input / InputPath /
 *                          InputTransformer result (JSON or plain text)
 * @param ruleArn           the rule that matched, or null for a dead-letter message
 * @param messageAttributes SQS string message attributes (a dead-letter message carries ERROR_CODE,
 *                          ERROR_MESSAGE, EXHAUSTED_RETRY_CONDITION, RETRY_ATTEMPTS, RULE_ARN, TARGET_ARN)
 * @param messageGroupId    the SqsParameters.MessageGroupId of a FIFO queue target, or null
 */
public record EventTargetRequest(String targetArn, String input, String ruleArn,
                                 Map<String, String> messageAttributes, String messageGroupId) {

    public EventTargetRequest {
        Objects.requireNonNull(targetArn, "targetArn");
        Objects.requireNonNull(input, "input");
        messageAttributes = Map.copyOf(messageAttributes);
    }
}
