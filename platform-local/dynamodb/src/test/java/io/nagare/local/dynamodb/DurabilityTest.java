package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.key;
import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static io.nagare.local.dynamodb.TableOperationsTest.attribute;
import static io.nagare.local.dynamodb.TableOperationsTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class DurabilityTest {

    @Test
    void restart_shouldKeepTablesItemsAndIndexes_whenTheRuntimeWasClosed(@TempDir Path dataDir) {
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir)) {
            createIndexedTable(local);
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "state", s("OPEN"), "n", n("1.50"))));
            local.client.updateItem(b -> b.tableName("Orders").key(key("o1")).updateExpression("SET n = n + :one")
                    .expressionAttributeValues(Map.of(":one", n("1"))));
        }
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir)) {
            assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("o1"))).item())
                    .isEqualTo(Map.of("pk", s("o1"), "state", s("OPEN"), "n", n("2.5")));
            assertThat(local.client.query(b -> b.tableName("Orders").indexName("byState")
                    .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":s", s("OPEN")))).count()).isEqualTo(1);
            assertThat(local.client.describeTable(b -> b.tableName("Orders")).table().globalSecondaryIndexes())
                    .hasSize(1);
        }
    }

    @Test
    void restart_shouldKeepEveryAnsweredWrite_whenTheStoreFileWasNeverClosed(@TempDir Path dataDir,
                                                                          @TempDir Path crashed) throws Exception {
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir)) {
            createIndexedTable(local);
            for (int i = 0; i < 50; i++) {
                String id = "o" + i;
                local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s(id), "state", s("OPEN"))));
            }
            local.client.deleteItem(b -> b.tableName("Orders").key(key("o0")));
            // What a kill -9 leaves behind: the store and its log as written so far, never closed.
            copyTree(dataDir, crashed);
        }
        try (LocalDynamoDb local = LocalDynamoDb.on(crashed)) {
            assertThat(local.client.scan(b -> b.tableName("Orders")).count()).isEqualTo(49);
            assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("o0"))).hasItem()).isFalse();
            assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("o49"))).item().get("state"))
                    .isEqualTo(s("OPEN"));
            assertThat(local.client.query(b -> b.tableName("Orders").indexName("byState")
                    .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":s", s("OPEN")))).count()).isEqualTo(49);
        }
    }

    @Test
    void restart_shouldIgnoreATornLastLogRecord_whichWasNeverAnswered(@TempDir Path dataDir, @TempDir Path crashed)
            throws Exception {
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir)) {
            local.createTable("Orders", null, null);
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("kept"))));
            copyTree(dataDir, crashed);
        }
        try (var segments = Files.list(crashed.resolve("dynamodb-log"))) {
            Path segment = segments.findFirst().orElseThrow();
            Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        }
        try (LocalDynamoDb local = LocalDynamoDb.on(crashed)) {
            assertThat(local.client.scan(b -> b.tableName("Orders")).items()).containsExactly(Map.of("pk", s("kept")));
        }
    }

    @Test
    void restart_shouldNotReplayIntoTheStream_changesTheStoreAlreadyWrote(@TempDir Path dataDir, @TempDir Path crashed)
            throws Exception {
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir)) {
            local.createTable("Orders", null, null);
            local.client.updateTable(b -> b.tableName("Orders").streamSpecification(
                    st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "v", s("1"))));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "v", s("2"))));
            // MVStore writes by itself between checkpoints; this is such a write, holding v2 and its stream record.
            local.runtime.context().store("dynamodb").commit();
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "v", s("3"))));
            copyTree(dataDir, crashed);
        }
        try (LocalDynamoDb local = LocalDynamoDb.on(crashed); DynamoDbStreamsClient streams = local.streams()) {
            String arn = streams.listStreams(b -> b.tableName("Orders")).streams().get(0).streamArn();
            String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            var records = streams.getRecords(b -> b.shardIterator(streams.getShardIterator(i -> i.streamArn(arn)
                    .shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator())).records();

            assertThat(records).extracting(r -> r.dynamodb().newImage().get("v").s()).containsExactly("1", "2", "3");
            assertThat(local.client.getItem(b -> b.tableName("Orders").key(key("o1"))).item().get("v")).isEqualTo(s("3"));
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void createIndexedTable(LocalDynamoDb local) {
        local.client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", "S"), attribute("state", "S"))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byState")
                        .keySchema(key("state", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }
}
