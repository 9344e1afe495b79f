package io.nagare.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemOperationsTest {

    private final LocalDynamoDb local = LocalDynamoDb.inMemory();

    @BeforeEach
    void createTable() {
        local.createTable("Orders", null, null);
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void putItem_shouldStoreEveryType_andGetItemShouldReturnItExactly() {
        Map<String, AttributeValue> item = Map.of(
                "pk", s("order-1"),
                "amount", n("12345678901234567890.123456789012345678"),
                "payload", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xFF})),
                "tags", AttributeValue.fromSs(List.of("a", "b")),
                "scores", AttributeValue.fromNs(List.of("1.50", "2")),
                "lines", AttributeValue.fromL(List.of(s("x"), n("1"), AttributeValue.fromNul(true))),
                "address", AttributeValue.fromM(Map.of("city", s("Tokyo"), "zip", n("1000001"))),
                "paid", AttributeValue.fromBool(true));
        local.client.putItem(b -> b.tableName("Orders").item(item));

        Map<String, AttributeValue> read = local.client.getItem(b -> b.tableName("Orders").key(key("order-1"))).item();

        assertThat(read.get("amount").n()).isEqualTo("12345678901234567890.123456789012345678");
        assertThat(read.get("scores").ns()).containsExactlyInAnyOrder("1.5", "2");
        assertThat(read.get("payload").b().asByteArray()).containsExactly(0, 1, 0xFF);
        assertThat(read.get("lines").l()).containsExactly(s("x"), n("1"), AttributeValue.fromNul(true));
        assertThat(read.get("address").m()).isEqualTo(Map.of("city", s("Tokyo"), "zip", n("1000001")));
        assertThat(read.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(read.get("paid").bool()).isTrue();
    }

    @Test
    void getItem_shouldReturnNoItem_whenTheKeyIsAbsent() {
        assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("nope"))).hasItem()).isFalse();
    }

    @Test
    void getItem_shouldProjectNestedPathsAndListIndexes_whenGivenAProjectionExpression() {
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"),
                "address", AttributeValue.fromM(Map.of("city", s("Tokyo"), "zip", n("1"))),
                "lines", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))), "other", s("x"))));

        Map<String, AttributeValue> read = local.client.getItem(b -> b.tableName("Orders").key(key("o"))
                .projectionExpression("address.city, #l[2], #l[0]").expressionAttributeNames(Map.of("#l", "lines"))).item();

        assertThat(read).isEqualTo(Map.of("address", AttributeValue.fromM(Map.of("city", s("Tokyo"))),
                "lines", AttributeValue.fromL(List.of(s("a"), s("c")))));
    }

    @Test
    void putItem_shouldFailTheCondition_andReturnTheItem_whenAskedForItOnFailure() {
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"), "v", n("1"))));

        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o")))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                    assertThat(e.item()).isEqualTo(Map.of("pk", s("o"), "v", n("1")));
                });
    }

    @Test
    void putItem_shouldReturnTheOldItem_whenReturnValuesIsAllOld() {
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"), "v", n("1"))));

        var response = local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"), "v", n("2")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(Map.of("pk", s("o"), "v", n("1")));
    }

    @Test
    void putItem_shouldRefuseTheItem_whenAKeyIsMissingOrMistyped() {
        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders").item(Map.of("v", n("1")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Missing the key pk in the item");
        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", n("1")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key pk "
                        + "expected: S actual: N");
        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("")))))
                .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key "
                        + "attribute cannot contain an empty string value. Key: pk");
    }

    @Test
    void putItem_shouldRefuseAPartitionKeyOver2048Bytes() {
        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("k".repeat(2049))))))
                .hasMessageStartingWith("One or more parameter values were invalid: Size of hashkey has exceeded the "
                        + "maximum size limit of2048 bytes");
    }

    @Test
    void putItem_shouldRefuseAnItemOver400Kilobytes() {
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders")
                .item(Map.of("pk", s("o"), "d", s(big)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
    }

    @Test
    void putItem_shouldRefuseNumbersBeyond38Digits() {
        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders")
                .item(Map.of("pk", s("o"), "n", n("1234567890123456789012345678901234567890")))))
                .hasMessageStartingWith("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void putItem_shouldFailWithResourceNotFound_whenTheTableIsMissing() {
        assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Nope").item(Map.of("pk", s("o")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void updateItem_shouldApplySetRemoveAddDelete_andReturnUpdatedNew() {
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"), "count", n("1"),
                "tags", AttributeValue.fromSs(List.of("a", "b", "c")), "old", s("x"),
                "history", AttributeValue.fromL(List.of(s("h0"))),
                "lines", AttributeValue.fromL(List.of(s("l0"), s("l1"), s("l2"))))));

        var response = local.client.updateItem(b -> b.tableName("Orders").key(key("o"))
                .updateExpression("SET #c = #c + :one, history = list_append(history, :more), created = if_not_exists(created, :now) "
                        + "REMOVE #o, #l[0], #l[2] ADD visits :one DELETE tags :gone")
                .expressionAttributeNames(Map.of("#c", "count", "#l", "lines", "#o", "old"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":more", AttributeValue.fromL(List.of(s("l3"))),
                        ":now", n("100"), ":gone", AttributeValue.fromSs(List.of("a", "c"))))
                .returnValues(ReturnValue.ALL_NEW));

        assertThat(response.attributes()).isEqualTo(Map.of("pk", s("o"), "count", n("2"),
                "tags", AttributeValue.fromSs(List.of("b")), "created", n("100"), "visits", n("1"),
                "history", AttributeValue.fromL(List.of(s("h0"), s("l3"))),
                "lines", AttributeValue.fromL(List.of(s("l1")))));
    }

    @Test
    void updateItem_shouldReturnOnlyUpdatedAttributes_whenReturnValuesIsUpdatedOld() {
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"), "a", n("1"), "b", n("2"))));

        var response = local.client.updateItem(b -> b.tableName("Orders").key(key("o"))
                .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", n("5")))
                .returnValues(ReturnValue.UPDATED_OLD));

        assertThat(response.attributes()).isEqualTo(Map.of("a", n("1")));
    }

    @Test
    void updateItem_shouldCreateTheItem_whenItDoesNotExist() {
        local.client.updateItem(b -> b.tableName("Orders").key(key("new"))
                .updateExpression("SET stock = :s").expressionAttributeValues(Map.of(":s", n("3"))));

        assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("new"))).item())
                .isEqualTo(Map.of("pk", s("new"), "stock", n("3")));
    }

    @Test
    void updateItem_shouldRefuseChangingAKeyAttribute() {
        assertThatThrownBy(() -> local.client.updateItem(b -> b.tableName("Orders").key(key("o"))
                .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("p")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute pk. "
                        + "This attribute is part of the key");
    }

    @Test
    void updateItem_shouldFailTheCondition_withoutChangingTheItem() {
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"), "stock", n("1"))));

        assertThatThrownBy(() -> local.client.updateItem(b -> b.tableName("Orders").key(key("o"))
                .updateExpression("SET stock = stock - :n").conditionExpression("stock >= :n")
                .expressionAttributeValues(Map.of(":n", n("2")))))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("o"))).item().get("stock")).isEqualTo(n("1"));
    }

    @Test
    void expressions_shouldRefuseReservedWordsAndUnusedOrMissingPlaceholders() {
        assertThatThrownBy(() -> local.client.updateItem(b -> b.tableName("Orders").key(key("o"))
                .updateExpression("SET status = :s").expressionAttributeValues(Map.of(":s", s("x")))))
                .hasMessageStartingWith("Invalid UpdateExpression: Attribute name is a reserved keyword; "
                        + "reserved keyword: status");
        assertThatThrownBy(() -> local.client.updateItem(b -> b.tableName("Orders").key(key("o"))
                .updateExpression("SET a = :s").expressionAttributeValues(Map.of(":s", s("x"), ":t", s("y")))))
                .hasMessageStartingWith("Value provided in ExpressionAttributeValues unused in expressions: keys: {:t}");
        assertThatThrownBy(() -> local.client.updateItem(b -> b.tableName("Orders").key(key("o"))
                .updateExpression("SET #a = :s").expressionAttributeValues(Map.of(":s", s("x")))))
                .hasMessageStartingWith("Invalid UpdateExpression: An expression attribute name used in the document "
                        + "path is not defined; attribute name: #a");
        assertThatThrownBy(() -> local.client.deleteItem(b -> b.tableName("Orders").key(key("o"))
                .conditionExpression("a = :missing")))
                .hasMessageStartingWith("Invalid ConditionExpression: An expression attribute value used in "
                        + "expression is not defined; attribute value: :missing");
        assertThatThrownBy(() -> local.client.deleteItem(b -> b.tableName("Orders").key(key("o"))
                .conditionExpression("a = = :v").expressionAttributeValues(Map.of(":v", s("x")))))
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
    }

    @Test
    void deleteItem_shouldReturnTheDeletedItem_whenReturnValuesIsAllOld() {
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o"), "v", n("1"))));

        var response = local.client.deleteItem(b -> b.tableName("Orders").key(key("o")).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(Map.of("pk", s("o"), "v", n("1")));
        assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("o"))).hasItem()).isFalse();
    }

    @Test
    void getItem_shouldRefuseAKeyThatDoesNotMatchTheSchema() {
        assertThatThrownBy(() -> local.client.getItem(b -> b.tableName("Orders").key(Map.of("id", s("o")))))
                .hasMessageStartingWith("The provided key element does not match the schema");
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
