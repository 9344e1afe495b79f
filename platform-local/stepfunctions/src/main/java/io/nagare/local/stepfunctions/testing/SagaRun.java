package io.nagare.local.stepfunctions.testing;

import java.util.ArrayList;
import java.util.List;

import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * The end of one execution run by {@link SagaTestKit}: status, output or error, the states it went through, and its
 * history. The {@code expect*} methods fail the test with expected and actual values, and return this run for
 * chaining.
 */
public final class SagaRun {

    private final String executionArn;
    private final String status;
    private final String output;
    private final String error;
    private final String cause;
    private final List<JsonNode> history;

    SagaRun(String executionArn, JsonNode described, List<JsonNode> history) {
        this.executionArn = executionArn;
        this.status = described.path("status").asText();
        this.output = described.path("output").asText(null);
        this.error = described.path("error").asText(null);
        this.cause = described.path("cause").asText(null);
        this.history = List.copyOf(history);
    }

    public String executionArn() {
        return executionArn;
    }

    /** SUCCEEDED, FAILED, TIMED_OUT, ABORTED, or RUNNING when it waits on something nothing will send. */
    public String status() {
        return status;
    }

    /** The output as JSON text, or null when the execution did not succeed. */
    public String output() {
        return output;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /** The history events, oldest first, as GetExecutionHistory answers them. */
    public List<JsonNode> history() {
        return history;
    }

    /** The names of the states entered, in order (Map iterations and Parallel branches included). */
    public List<String> path() {
        List<String> names = new ArrayList<>();
        for (JsonNode event : history) {
            if (event.path("type").asText().endsWith("StateEntered")) {
                names.add(event.path("stateEnteredEventDetails").path("name").asText());
            }
        }
        return names;
    }

    public SagaRun expectSucceeded() {
        return expectStatus("SUCCEEDED");
    }

    public SagaRun expectStatus(String expected) {
        if (!expected.equals(status)) {
            throw failure("execution " + executionArn + " ended " + status
                    + (error == null ? "" : " with " + error + ": " + cause), expected, status);
        }
        return this;
    }

    /** Expects the execution to fail with this error (and, when not null, this cause). */
    public SagaRun expectFailure(String expectedError, String expectedCause) {
        expectStatus("FAILED");
        if (!expectedError.equals(error)) {
            throw failure("unexpected error of " + executionArn, expectedError, error);
        }
        if (expectedCause != null && !expectedCause.equals(cause)) {
            throw failure("unexpected cause of " + executionArn, expectedCause, cause);
        }
        return this;
    }

    /** Expects exactly these states to be entered, in this order. */
    public SagaRun expectPath(String... states) {
        List<String> expected = List.of(states);
        if (!expected.equals(path())) {
            throw failure("unexpected path of " + executionArn, expected, path());
        }
        return this;
    }

    /** Expects the output to equal this JSON (compared as JSON, not as text). */
    public SagaRun expectOutput(String expectedJson) {
        JsonNode expected = Json.parse(expectedJson);
        JsonNode actual = output == null ? null : Json.parse(output);
        if (!expected.equals(actual)) {
            throw failure("unexpected output of " + executionArn, Json.write(expected),
                    actual == null ? null : Json.write(actual));
        }
        return this;
    }

    private static AssertionFailedError failure(String message, Object expected, Object actual) {
        return new AssertionFailedError(message + ": expected " + expected + " but was " + actual, expected, actual);
    }
}
