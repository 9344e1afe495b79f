package io.nagare.local.dynamodb.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.dynamodb.internal.item.AttributeValueJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conditions as data ({@code expressions/conditions.json}): each either matches its item or fails with DynamoDB's message. */
class ConditionGoldenCasesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void condition_shouldEvaluateOrFailAsDynamoDb(String name, JsonNode testCase) {
        ExpressionAttributes attributes = new ExpressionAttributes(names(testCase.get("names")),
                AttributeValueJson.readItem(testCase.get("values")));
        String expression = testCase.get("expression").asText();
        if (testCase.has("error")) {
            assertThatThrownBy(() -> Expressions.condition(expression, "ConditionExpression", attributes))
                    .hasMessage(testCase.get("error").asText());
            return;
        }
        Condition condition = Expressions.condition(expression, "ConditionExpression", attributes);
        Map<String, AttributeValue> item = AttributeValueJson.readItem(testCase.get("item"));

        assertThat(condition.matches(item)).isEqualTo(testCase.get("matches").asBoolean());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() throws IOException {
        try (InputStream in = ConditionGoldenCasesTest.class.getResourceAsStream("/expressions/conditions.json")) {
            JsonNode all = new ObjectMapper().readTree(in);
            return java.util.stream.StreamSupport.stream(all.spliterator(), false)
                    .map(c -> org.junit.jupiter.params.provider.Arguments.of(c.get("name").asText(), c));
        }
    }

    private static Map<String, String> names(JsonNode node) {
        Map<String, String> names = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        }
        return names;
    }
}
