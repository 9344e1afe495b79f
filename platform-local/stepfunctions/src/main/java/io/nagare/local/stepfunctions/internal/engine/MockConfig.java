package io.nagare.local.stepfunctions.internal.engine;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.asl.StatesError;

/**
 * Step Functions Local's MockConfigFile: {@code StateMachines.<name>.TestCases.<case>.<state>} names a mocked
 * response; {@code MockedResponses.<response>} maps attempt numbers ({@code "0"}, {@code "1-2"}) to
 * {@code {"Return": ...}} or {@code {"Throw": {"Error", "Cause"}}}. An execution started on
 * {@code <stateMachineArn>#<case>} has its mocked Task states answered from here instead of calling the service.
 */
public final class MockConfig {

    /** What a mocked task does on one attempt: return a result, or fail. */
    public record MockedResult(JsonNode value, StatesError error) {
    }

    private final JsonNode config;

    private MockConfig(JsonNode config) {
        this.config = config;
    }

    /** Checks the shape of a config; throws {@link IllegalArgumentException} naming what is wrong. */
    public static MockConfig of(JsonNode config) {
        if (!config.path("StateMachines").isObject() && !config.path("MockedResponses").isObject()) {
            throw new IllegalArgumentException("a mock config needs \"StateMachines\" and \"MockedResponses\" objects");
        }
        for (Map.Entry<String, JsonNode> response : config.path("MockedResponses").properties()) {
            for (Map.Entry<String, JsonNode> attempt : response.getValue().properties()) {
                if (!attempt.getKey().matches("\\d+(-\\d+)?")) {
                    throw new IllegalArgumentException("mocked response \"" + response.getKey() + "\": attempt key \""
                            + attempt.getKey() + "\" must be a number like \"0\" or a range like \"1-2\"");
                }
                if (attempt.getValue().has("Return") == attempt.getValue().has("Throw")) {
                    throw new IllegalArgumentException("mocked response \"" + response.getKey() + "\" attempt \""
                            + attempt.getKey() + "\" must have exactly one of \"Return\" and \"Throw\"");
                }
            }
        }
        return new MockConfig(config);
    }

    public boolean hasTestCase(String stateMachineName, String testCase) {
        return config.path("StateMachines").path(stateMachineName).path("TestCases").has(testCase);
    }

    /** The mocked result of attempt {@code attempt} (0-based) of a state, or null when the state is not mocked. */
    public MockedResult result(String stateMachineName, String testCase, String stateName, int attempt) {
        JsonNode responseName = config.path("StateMachines").path(stateMachineName).path("TestCases").path(testCase)
                .get(stateName);
        if (responseName == null || !responseName.isTextual()) {
            return null;
        }
        JsonNode response = config.path("MockedResponses").get(responseName.textValue());
        if (response == null) {
            return new MockedResult(null, StatesError.runtime("The mock config names the mocked response \""
                    + responseName.textValue() + "\" for state \"" + stateName + "\", but MockedResponses lacks it"));
        }
        for (Map.Entry<String, JsonNode> entry : response.properties()) {
            String[] range = entry.getKey().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            if (attempt >= from && attempt <= to) {
                JsonNode thrown = entry.getValue().get("Throw");
                if (thrown != null) {
                    return new MockedResult(null, new StatesError(thrown.path("Error").asText(null),
                            thrown.path("Cause").asText(null)));
                }
                return new MockedResult(entry.getValue().get("Return"), null);
            }
        }
        return new MockedResult(null, StatesError.runtime("The mocked response \"" + responseName.textValue()
                + "\" has no entry for attempt " + attempt + " of state \"" + stateName + "\""));
    }
}
