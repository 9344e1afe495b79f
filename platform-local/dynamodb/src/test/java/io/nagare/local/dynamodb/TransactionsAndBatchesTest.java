package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.key;
import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TransactionsAndBatchesTest {

    private final LocalDynamoDb local = LocalDynamoDb.inMemory();

    @BeforeEach
    void createTable() {
        local.createTable("Stock", null, null);
        local.client.putItem(b -> b.tableName("Stock").item(Map.of("pk", s("apple"), "qty", n("5"))));
        local.client.putItem(b -> b.tableName("Stock").item(Map.of("pk", s("pear"), "qty", n("0"))));
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void transactWriteItems_shouldApplyEveryAction_whenAllConditionsHold() {
        local.client.transactWriteItems(b -> b.transactItems(
                reserve("apple", "2"),
                TransactWriteItem.builder().put(p -> p.tableName("Stock").item(Map.of("pk", s("plum"), "qty", n("1")))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("Stock").key(key("pear"))).build()));

        assertThat(qty("apple")).isEqualTo("3");
        assertThat(qty("plum")).isEqualTo("1");
        assertThat(local.client.getItem(b -> b.tableName("Stock").key(key("pear"))).hasItem()).isFalse();
    }

    @Test
    void transactWriteItems_shouldChangeNothing_andGiveReasonsInRequestOrder_whenAConditionFails() {
        assertThatThrownBy(() -> local.client.transactWriteItems(b -> b.transactItems(
                reserve("apple", "2"),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("Stock").key(key("pear"))
                        .conditionExpression("qty > :zero").expressionAttributeValues(Map.of(":zero", n("0")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer "
                            + "cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
                    assertThat(e.cancellationReasons()).hasSize(2);
                    assertThat(e.cancellationReasons().get(0).code()).isEqualTo("None");
                    assertThat(e.cancellationReasons().get(1).code()).isEqualTo("ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item()).isEqualTo(Map.of("pk", s("pear"), "qty", n("0")));
                });

        assertThat(qty("apple")).isEqualTo("5");
    }

    @Test
    void transactWriteItems_shouldRefuseTwoActionsOnOneItem() {
        assertThatThrownBy(() -> local.client.transactWriteItems(b -> b.transactItems(reserve("apple", "1"),
                reserve("apple", "1"))))
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void transactWriteItems_shouldNotRunTwice_whenRetriedWithTheSameClientRequestToken() {
        local.client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(reserve("apple", "2")));
        local.client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(reserve("apple", "2")));

        assertThat(qty("apple")).isEqualTo("3");
        assertThatThrownBy(() -> local.client.transactWriteItems(b -> b.clientRequestToken("token-1")
                .transactItems(reserve("apple", "1"))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void transactWriteItems_shouldRunAgain_onceTheTokenHasExpired() {
        local.client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(reserve("apple", "2")));
        local.clock.advance(java.time.Duration.ofMinutes(11));
        local.client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(reserve("apple", "2")));

        assertThat(qty("apple")).isEqualTo("1");
    }

    @Test
    void transactGetItems_shouldReturnItemsInRequestOrder_withEmptyResponsesForMissingOnes() {
        var response = local.client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("Stock").key(key("pear"))).build(),
                TransactGetItem.builder().get(g -> g.tableName("Stock").key(key("none"))).build(),
                TransactGetItem.builder().get(g -> g.tableName("Stock").key(key("apple")).projectionExpression("qty")).build()));

        assertThat(response.responses()).hasSize(3);
        assertThat(response.responses().get(0).item()).isEqualTo(Map.of("pk", s("pear"), "qty", n("0")));
        assertThat(response.responses().get(1).hasItem()).isFalse();
        assertThat(response.responses().get(2).item()).isEqualTo(Map.of("qty", n("5")));
    }

    @Test
    void batchWriteAndGet_shouldWriteAndReadAcrossKeys() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = "fruit-" + i;
            writes.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s(name), "qty", n("1")))).build());
        }
        var written = local.client.batchWriteItem(b -> b.requestItems(Map.of("Stock", writes)));
        var read = local.client.batchGetItem(b -> b.requestItems(Map.of("Stock", KeysAndAttributes.builder()
                .keys(key("fruit-0"), key("fruit-24"), key("missing")).build())));

        assertThat(written.unprocessedItems()).isEmpty();
        assertThat(read.responses().get("Stock")).hasSize(2);
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchWriteItem_shouldRefuseDuplicateKeys() {
        WriteRequest put = WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("x")))).build();
        assertThatThrownBy(() -> local.client.batchWriteItem(b -> b.requestItems(Map.of("Stock", List.of(put, put)))))
                .hasMessageStartingWith("Provided list of item keys contains duplicates");
    }

    private static TransactWriteItem reserve(String fruit, String amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("Stock").key(key(fruit))
                .updateExpression("SET qty = qty - :n").conditionExpression("qty >= :n")
                .expressionAttributeValues(Map.of(":n", n(amount)))).build();
    }

    private String qty(String fruit) {
        Map<String, AttributeValue> item = local.client.getItem(b -> b.tableName("Stock").key(key(fruit))).item();
        return item.get("qty").n();
    }
}
