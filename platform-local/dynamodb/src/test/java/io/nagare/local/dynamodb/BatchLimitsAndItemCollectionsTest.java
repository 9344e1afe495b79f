package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static io.nagare.local.dynamodb.TableOperationsTest.attribute;
import static io.nagare.local.dynamodb.TableOperationsTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchLimitsAndItemCollectionsTest {

    @Test
    void batchGetItem_shouldHandBackUnprocessedKeys_whenTheResponsePassesSixteenMegabytes() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Blobs", null, null);
            String payload = "x".repeat(390_000);
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                String id = "b" + i;
                local.client.putItem(b -> b.tableName("Blobs").item(Map.of("pk", s(id), "data", s(payload))));
                keys.add(Map.of("pk", s(id)));
            }

            BatchGetItemResponse first = local.client.batchGetItem(b -> b.requestItems(Map.of("Blobs",
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
            KeysAndAttributes left = first.unprocessedKeys().get("Blobs");
            BatchGetItemResponse second = local.client.batchGetItem(b -> b.requestItems(first.unprocessedKeys()));

            // 43 items of 390,010 bytes fit in 16 MiB; the 44th would not.
            assertThat(first.responses().get("Blobs")).hasSize(43);
            assertThat(left.keys()).hasSize(2);
            assertThat(left.consistentRead()).isTrue();
            assertThat(second.responses().get("Blobs")).hasSize(2);
            assertThat(second.unprocessedKeys()).isEmpty();
        }
    }

    @Test
    void batchGetItem_shouldRefuseDuplicateKeys_evenPastTheSizeLimit() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Blobs", null, null);
            assertThatThrownBy(() -> local.client.batchGetItem(b -> b.requestItems(Map.of("Blobs",
                    KeysAndAttributes.builder().keys(Map.of("pk", s("a")), Map.of("pk", s("b")), Map.of("pk", s("a")))
                            .build()))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageStartingWith("Provided list of item keys contains duplicates");
        }
    }

    @Test
    void batchWriteItem_shouldRefuseMoreThanTwentyFiveRequests() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Items", null, null);
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                String id = "i" + i;
                writes.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s(id)))).build());
            }
            assertThatThrownBy(() -> local.client.batchWriteItem(b -> b.requestItems(Map.of("Items", writes))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageStartingWith("Too many items requested for the BatchWriteItem call");
        }
    }

    @Test
    void putItem_shouldReportItemCollectionMetrics_onlyForTablesWithALocalIndex() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            createOrdersWithLocalIndex(local);
            local.createTable("Plain", null, null);

            ItemCollectionMetrics metrics = local.client.putItem(b -> b.tableName("Orders")
                    .item(order("c1", "a", 100)).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE))
                    .itemCollectionMetrics();
            var plain = local.client.putItem(b -> b.tableName("Plain").item(Map.of("pk", s("p")))
                    .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
            var notAsked = local.client.putItem(b -> b.tableName("Orders").item(order("c1", "b", 100)));

            assertThat(metrics.itemCollectionKey()).isEqualTo(Map.of("pk", s("c1")));
            assertThat(metrics.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
            assertThat(plain.itemCollectionMetrics()).isNull();
            assertThat(notAsked.itemCollectionMetrics()).isNull();
        }
    }

    @Test
    void batchWriteItem_shouldReportOneMetricPerItemCollection() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            createOrdersWithLocalIndex(local);
            var response = local.client.batchWriteItem(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                    .requestItems(Map.of("Orders", List.of(
                            WriteRequest.builder().putRequest(p -> p.item(order("c1", "a", 10))).build(),
                            WriteRequest.builder().putRequest(p -> p.item(order("c1", "b", 10))).build(),
                            WriteRequest.builder().putRequest(p -> p.item(order("c2", "a", 10))).build()))));

            assertThat(response.itemCollectionMetrics().get("Orders"))
                    .extracting(m -> m.itemCollectionKey().get("pk").s()).containsExactlyInAnyOrder("c1", "c2");
            assertThat(response.unprocessedItems()).isEmpty();
        }
    }

    @Test
    void writes_shouldFailWithItemCollectionSizeLimitExceeded_whenACollectionWouldPassTheLimit() {
        try (LocalDynamoDb local = LocalDynamoDb.withItemCollectionLimit(2_000)) {
            createOrdersWithLocalIndex(local);
            local.client.putItem(b -> b.tableName("Orders").item(order("c1", "a", 800)));

            assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Orders").item(order("c1", "b", 800))))
                    .isInstanceOf(ItemCollectionSizeLimitExceededException.class)
                    .hasMessageContaining("Collection size exceeded");
            assertThatThrownBy(() -> local.client.transactWriteItems(b -> b.transactItems(
                    t -> t.put(p -> p.tableName("Orders").item(order("c2", "a", 10))),
                    t -> t.put(p -> p.tableName("Orders").item(order("c1", "b", 800))))))
                    .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                            .extracting(r -> r.code()).containsExactly("None", "ItemCollectionSizeLimitExceeded"));
            // Other collections, and writes that do not grow this one, still go through.
            local.client.putItem(b -> b.tableName("Orders").item(order("c2", "a", 800)));
            local.client.putItem(b -> b.tableName("Orders").item(order("c1", "a", 10)));
            local.client.putItem(b -> b.tableName("Orders").item(order("c1", "b", 800)));
        }
    }

    private static void createOrdersWithLocalIndex(LocalDynamoDb local) {
        local.client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", "S"), attribute("sk", "S"), attribute("placed", "N"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byPlaced")
                        .keySchema(key("pk", KeyType.HASH), key("placed", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    private static Map<String, AttributeValue> order(String customer, String id, int noteLength) {
        return Map.of("pk", s(customer), "sk", s(id), "placed", n("1"), "note", s("n".repeat(noteLength)));
    }
}
