package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static io.nagare.local.dynamodb.TableOperationsTest.attribute;
import static io.nagare.local.dynamodb.TableOperationsTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest {

    private final LocalDynamoDb local = LocalDynamoDb.inMemory();

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void query_shouldReturnSortKeysInNumericOrder_forwardAndBackward() {
        local.createTable("Events", "seq", ScalarAttributeType.N);
        for (String seq : List.of("10", "-2.5", "3", "-11", "0", "100000000000000000000", "0.001")) {
            put("Events", Map.of("pk", s("a"), "seq", n(seq)));
        }
        put("Events", Map.of("pk", s("b"), "seq", n("1")));

        assertThat(sortKeys(query("Events", "pk = :p", Map.of(":p", s("a")), true)))
                .containsExactly("-11", "-2.5", "0", "0.001", "3", "10", "100000000000000000000");
        assertThat(sortKeys(query("Events", "pk = :p", Map.of(":p", s("a")), false)))
                .containsExactly("100000000000000000000", "10", "3", "0.001", "0", "-2.5", "-11");
    }

    @Test
    void query_shouldSelectTheSortKeyRange_forEachKeyConditionOperator() {
        local.createTable("Events", "sk", ScalarAttributeType.S);
        for (String sk : List.of("a", "ab", "abc", "b", "ba", "c")) {
            put("Events", Map.of("pk", s("p"), "sk", s(sk)));
        }
        Map<String, AttributeValue> values = Map.of(":p", s("p"), ":v", s("ab"));

        assertThat(sortKeys(query("Events", "pk = :p AND sk = :v", values, true))).containsExactly("ab");
        assertThat(sortKeys(query("Events", "pk = :p AND sk < :v", values, true))).containsExactly("a");
        assertThat(sortKeys(query("Events", "pk = :p AND sk <= :v", values, true))).containsExactly("a", "ab");
        assertThat(sortKeys(query("Events", "pk = :p AND sk > :v", values, true))).containsExactly("abc", "b", "ba", "c");
        assertThat(sortKeys(query("Events", "pk = :p AND sk >= :v", values, true)))
                .containsExactly("ab", "abc", "b", "ba", "c");
        assertThat(sortKeys(query("Events", "pk = :p AND begins_with(sk, :v)", values, true))).containsExactly("ab", "abc");
        assertThat(sortKeys(query("Events", "pk = :p AND sk BETWEEN :v AND :w",
                Map.of(":p", s("p"), ":v", s("ab"), ":w", s("b")), true))).containsExactly("ab", "abc", "b");
    }

    @Test
    void query_shouldPageWithLimit_andCountScannedBeforeTheFilter() {
        local.createTable("Events", "seq", ScalarAttributeType.N);
        for (int i = 1; i <= 5; i++) {
            put("Events", Map.of("pk", s("a"), "seq", n(String.valueOf(i)), "odd", AttributeValue.fromBool(i % 2 == 1)));
        }
        QueryResponse first = local.client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p")
                .filterExpression("odd = :t").expressionAttributeValues(Map.of(":p", s("a"), ":t", AttributeValue.fromBool(true)))
                .limit(2));
        QueryResponse second = local.client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p")
                .filterExpression("odd = :t").expressionAttributeValues(Map.of(":p", s("a"), ":t", AttributeValue.fromBool(true)))
                .limit(2).exclusiveStartKey(first.lastEvaluatedKey()));

        assertThat(first.scannedCount()).isEqualTo(2);
        assertThat(first.count()).isEqualTo(1);
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("a"), "seq", n("2")));
        assertThat(sortKeys(second)).containsExactly("3");
        assertThat(second.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("a"), "seq", n("4")));
    }

    @Test
    void query_shouldRefuseAStartKeyOutsideTheKeyCondition() {
        local.createTable("Events", "seq", ScalarAttributeType.N);

        assertThatThrownBy(() -> local.client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a")))
                .exclusiveStartKey(Map.of("pk", s("b"), "seq", n("1")))))
                .hasMessageStartingWith("The provided starting key is outside query boundaries based on provided "
                        + "conditions");
    }

    @Test
    void query_shouldOnlyCount_whenSelectIsCount() {
        local.createTable("Events", "seq", ScalarAttributeType.N);
        put("Events", Map.of("pk", s("a"), "seq", n("1")));
        put("Events", Map.of("pk", s("a"), "seq", n("2")));

        QueryResponse response = local.client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a"))).select(Select.COUNT));

        assertThat(response.count()).isEqualTo(2);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    void query_shouldRefuseKeyConditionsDynamoDbRefuses() {
        local.createTable("Events", "seq", ScalarAttributeType.N);

        assertThatThrownBy(() -> query("Events", "seq = :v", Map.of(":v", n("1")), true))
                .hasMessageStartingWith("Query condition missed key schema element: pk");
        assertThatThrownBy(() -> query("Events", "pk = :p OR seq = :v", Map.of(":p", s("a"), ":v", n("1")), true))
                .hasMessageStartingWith("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> query("Events", "pk = :p AND pk = :p", Map.of(":p", s("a")), true))
                .hasMessageStartingWith("Invalid KeyConditionExpression: KeyConditionExpressions must only contain "
                        + "one condition per key");
        assertThatThrownBy(() -> query("Events", "pk = :p", Map.of(":p", n("1")), true))
                .hasMessageStartingWith("One or more parameter values were invalid: Condition parameter type does not "
                        + "match schema type");
        assertThatThrownBy(() -> local.client.query(b -> b.tableName("Events").keyConditionExpression("pk = :p")
                .filterExpression("seq > :v").expressionAttributeValues(Map.of(":p", s("a"), ":v", n("1")))))
                .hasMessageStartingWith("Filter Expression can only contain non-primary key attributes: "
                        + "Primary key attribute: seq");
    }

    @Test
    void query_shouldReadASparseGlobalIndex_withItsProjection() {
        local.client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", "S"), attribute("state", "S"), attribute("at", "N"))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byState")
                        .keySchema(key("state", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("total")).build()));
        put("Orders", Map.of("pk", s("o1"), "state", s("OPEN"), "at", n("3"), "total", n("10"), "note", s("x")));
        put("Orders", Map.of("pk", s("o2"), "state", s("OPEN"), "at", n("1"), "total", n("20")));
        put("Orders", Map.of("pk", s("o3"), "state", s("SHIPPED"), "at", n("2")));
        put("Orders", Map.of("pk", s("o4"), "total", n("5")));
        put("Orders", Map.of("pk", s("o2"), "state", s("OPEN"), "at", n("5"), "total", n("20")));

        QueryResponse open = local.client.query(b -> b.tableName("Orders").indexName("byState")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", s("OPEN"))));

        assertThat(open.items()).containsExactly(
                Map.of("pk", s("o1"), "state", s("OPEN"), "at", n("3"), "total", n("10")),
                Map.of("pk", s("o2"), "state", s("OPEN"), "at", n("5"), "total", n("20")));
        assertThat(local.client.scan(b -> b.tableName("Orders").indexName("byState")).count()).isEqualTo(3);
    }

    @Test
    void query_shouldOrderALocalIndexByItsSortKey_andFetchUnprojectedAttributesFromTheTable() {
        local.client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", "S"), attribute("sk", "S"), attribute("placed", "N"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex.builder()
                        .indexName("byPlaced").keySchema(key("pk", KeyType.HASH), key("placed", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        put("Orders", Map.of("pk", s("c1"), "sk", s("a"), "placed", n("30"), "total", n("1")));
        put("Orders", Map.of("pk", s("c1"), "sk", s("b"), "placed", n("10"), "total", n("2")));
        put("Orders", Map.of("pk", s("c1"), "sk", s("c"), "total", n("3")));

        QueryResponse keysOnly = local.client.query(b -> b.tableName("Orders").indexName("byPlaced")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("c1"))));
        QueryResponse all = local.client.query(b -> b.tableName("Orders").indexName("byPlaced")
                .keyConditionExpression("pk = :p AND placed > :t").select(Select.ALL_ATTRIBUTES)
                .expressionAttributeValues(Map.of(":p", s("c1"), ":t", n("20"))));

        assertThat(keysOnly.items()).containsExactly(
                Map.of("pk", s("c1"), "sk", s("b"), "placed", n("10")),
                Map.of("pk", s("c1"), "sk", s("a"), "placed", n("30")));
        assertThat(all.items()).containsExactly(Map.of("pk", s("c1"), "sk", s("a"), "placed", n("30"), "total", n("1")));
    }

    @Test
    void scan_shouldSplitTheTableIntoDisjointSegments_thatTogetherCoverIt() {
        local.createTable("Items", null, null);
        for (int i = 0; i < 200; i++) {
            put("Items", Map.of("pk", s("item-" + i)));
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            ScanResponse response = local.client.scan(b -> b.tableName("Items").segment(current).totalSegments(4));
            total += response.count();
            response.items().forEach(item -> seen.add(item.get("pk").s()));
        }
        assertThat(total).isEqualTo(200);
        assertThat(seen).hasSize(200);
    }

    @Test
    void scan_shouldStopAtOneMegabyte_andContinueFromLastEvaluatedKey() {
        local.createTable("Items", null, null);
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            put("Items", Map.of("pk", s("item-" + i), "data", s(payload)));
        }
        List<String> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = local.client.scan(b -> b.tableName("Items").exclusiveStartKey(from));
            page.items().forEach(item -> all.add(item.get("pk").s()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(25).doesNotHaveDuplicates();
    }

    private void put(String table, Map<String, AttributeValue> item) {
        local.client.putItem(b -> b.tableName(table).item(item));
    }

    private QueryResponse query(String table, String condition, Map<String, AttributeValue> values, boolean forward) {
        return local.client.query(b -> b.tableName(table).keyConditionExpression(condition)
                .expressionAttributeValues(values).scanIndexForward(forward));
    }

    private static List<String> sortKeys(QueryResponse response) {
        List<String> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            AttributeValue key = item.containsKey("seq") ? item.get("seq") : item.get("sk");
            keys.add(key.n() != null ? key.n() : key.s());
        }
        return keys;
    }
}
