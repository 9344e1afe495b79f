package io.nagare.local.stepfunctions.internal.integration;

import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The integration of one service for Task states. The stage completes with the task's result (for
 * {@code .waitForTaskToken}, the service's answer to the submission; for {@code .sync}, the finished job) or
 * exceptionally with a {@link io.nagare.local.stepfunctions.internal.asl.StatesError} named as AWS names it.
 */
public interface TaskIntegration {

    CompletionStage<JsonNode> invoke(TaskInvocation invocation);
}
