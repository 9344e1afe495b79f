package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task state: the resource, its effective parameters and its time limits in seconds
 * ({@code heartbeatSeconds} 0 when there is none).
 */
public record TaskRequest(TaskResource resource, JsonNode parameters, long timeoutSeconds, long heartbeatSeconds) {

    /** Step Functions' TimeoutSeconds when a Task gives none: no deadline worth a timer. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 99_999_999L;
}
