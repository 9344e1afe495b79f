package io.nagare.local.stepfunctions.internal.integration;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.asl.TaskResource;

/**
 * One call of a task integration.
 *
 * @param taskToken    the token of a {@code .waitForTaskToken} task (null otherwise)
 * @param executionArn the calling execution, for integrations that link to it (child executions)
 * @param submitted    for {@code .sync} tasks: receives the service's first answer once the job is started
 */
public record TaskInvocation(TaskResource resource, JsonNode parameters, String taskToken, String executionArn,
                             Consumer<JsonNode> submitted) {
}
