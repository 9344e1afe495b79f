package io.nagare.local.dynamodb.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {

    @Test
    void apply_shouldSetNestedMapEntries_andAppendPastTheEndOfAList() {
        Map<String, AttributeValue> item = item("address", map("city", str("Osaka")), "entries", list(str("a")));

        Map<String, AttributeValue> updated = update("SET address.city = :c, address.zip = :z, entries[5] = :l",
                Map.of(":c", str("Tokyo"), ":z", num("1"), ":l", str("b"))).apply(item);

        assertThat(updated.get("address")).isEqualTo(map("city", str("Tokyo"), "zip", num("1")));
        assertThat(updated.get("entries")).isEqualTo(list(str("a"), str("b")));
    }

    @Test
    void apply_shouldEvaluateEveryRightHandSideAgainstTheOriginalItem() {
        Map<String, AttributeValue> item = item("a", num("1"), "b", num("2"));

        Map<String, AttributeValue> updated = update("SET a = b, b = a", Map.of()).apply(item);

        assertThat(updated).isEqualTo(item("a", num("2"), "b", num("1")));
    }

    @Test
    void apply_shouldRemoveListElementsByTheirOriginalIndexes() {
        Map<String, AttributeValue> item = item("entries", list(str("a"), str("b"), str("c"), str("d")));

        Map<String, AttributeValue> updated = update("REMOVE entries[1], entries[3]", Map.of()).apply(item);

        assertThat(updated.get("entries")).isEqualTo(list(str("a"), str("c")));
    }

    @Test
    void apply_shouldAddToNumbersAndSets_andDropASetEmptiedByDelete() {
        Map<String, AttributeValue> item = item("n", num("1.5"), "tags", new AttributeValue.SS(Set.of("a")));

        Map<String, AttributeValue> added = update("ADD n :n, tags :t, fresh :n",
                Map.of(":n", num("2"), ":t", new AttributeValue.SS(Set.of("b")))).apply(item);
        Map<String, AttributeValue> deleted = update("DELETE tags :t",
                Map.of(":t", new AttributeValue.SS(Set.of("a", "b")))).apply(added);

        assertThat(added.get("n")).isEqualTo(num("3.5"));
        assertThat(added.get("fresh")).isEqualTo(num("2"));
        assertThat(added.get("tags")).isEqualTo(new AttributeValue.SS(Set.of("a", "b")));
        assertThat(deleted).doesNotContainKey("tags");
    }

    @Test
    void apply_shouldKeepExactDecimals_andRefuseResultsBeyond38Digits() {
        Map<String, AttributeValue> item = item("n", num("0.1"));

        assertThat(update("SET n = n + :v", Map.of(":v", num("0.2"))).apply(item).get("n")).isEqualTo(num("0.3"));
        assertThatThrownBy(() -> update("SET n = n + :v", Map.of(":v", num("99999999999999999999999999999999999999")))
                .apply(item)).hasMessage("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void apply_shouldFail_whenTheUpdateMeetsTheWrongTypeOrAMissingParent() {
        Map<String, AttributeValue> item = item("s", str("x"));

        assertThatThrownBy(() -> update("SET s = s + :v", Map.of(":v", num("1"))).apply(item))
                .hasMessage("An operand in the update expression has an incorrect data type");
        assertThatThrownBy(() -> update("SET m.k = :v", Map.of(":v", num("1"))).apply(item))
                .hasMessage("The document path provided in the update expression is invalid for update");
        assertThatThrownBy(() -> update("SET x = absent + :v", Map.of(":v", num("1"))).apply(item))
                .hasMessage("The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void parse_shouldRefuseRepeatedSectionsOverlappingPathsAndWrongOperandTypes() {
        assertThatThrownBy(() -> update("SET a = :v SET b = :v", Map.of(":v", num("1"))))
                .hasMessage("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThatThrownBy(() -> update("SET a = :v REMOVE a.b", Map.of(":v", num("1"))))
                .hasMessage("Invalid UpdateExpression: Two document paths overlap with each other; must remove or "
                        + "rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThatThrownBy(() -> update("SET a.b = :v REMOVE a[0]", Map.of(":v", num("1"))))
                .hasMessage("Invalid UpdateExpression: Two document paths conflict with each other; must remove or "
                        + "rewrite one of these paths; path one: [a, b], path two: [a, [0]]");
        assertThatThrownBy(() -> update("ADD a :v", Map.of(":v", str("x"))))
                .hasMessage("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
                        + "operand type: STRING");
        assertThatThrownBy(() -> update("SET a = attribute_exists(b)", Map.of()))
                .hasMessage("Invalid UpdateExpression: The function is not allowed in an update expression; "
                        + "function: attribute_exists");
        assertThatThrownBy(() -> update("ADD hits : incr", Map.of(":incr", num("1"))))
                .hasMessage("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
        assertThatThrownBy(() -> update("PUT a = :v", Map.of(":v", num("1"))))
                .hasMessage("Invalid UpdateExpression: Syntax error; token: \"PUT\", near: \"PUT a\"");
    }

    @Test
    void projection_shouldRefuseOverlappingPaths() {
        assertThatThrownBy(() -> Expressions.projection("a, a.b", ExpressionAttributes.none()))
                .hasMessage("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
                        + "rewrite one of these paths; path one: [a], path two: [a, b]");
    }

    private static UpdateExpression update(String text, Map<String, AttributeValue> values) {
        return Expressions.update(text, new ExpressionAttributes(Map.of(), values));
    }

    private static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            item.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        }
        return item;
    }

    private static AttributeValue str(String value) {
        return new AttributeValue.S(value);
    }

    private static AttributeValue num(String value) {
        return new AttributeValue.N(new BigDecimal(value));
    }

    private static AttributeValue list(AttributeValue... values) {
        return new AttributeValue.L(List.of(values));
    }

    private static AttributeValue map(Object... pairs) {
        return new AttributeValue.M(item(pairs));
    }
}
