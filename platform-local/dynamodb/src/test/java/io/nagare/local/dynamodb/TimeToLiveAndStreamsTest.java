package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.key;
import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.nagare.local.runtime.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class TimeToLiveAndStreamsTest {

    @Test
    void timeToLive_shouldDeleteExpiredItems_whenTheClockPassesTheirExpiry() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Sessions", null, null);
            local.client.updateTimeToLive(b -> b.tableName("Sessions")
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            long now = LocalDynamoDb.START.getEpochSecond();
            put(local, "short", now + 60);
            put(local, "long", now + 3600);
            local.client.putItem(b -> b.tableName("Sessions").item(Map.of("pk", s("forever"))));

            local.clock.advance(Duration.ofSeconds(59));
            assertThat(exists(local, "short")).isTrue();
            local.clock.advance(Duration.ofSeconds(1));
            assertThat(exists(local, "short")).isFalse();
            assertThat(exists(local, "long")).isTrue();
            local.clock.advance(Duration.ofHours(2));
            assertThat(exists(local, "long")).isFalse();
            assertThat(exists(local, "forever")).isTrue();
            assertThat(local.client.describeTimeToLive(b -> b.tableName("Sessions")).timeToLiveDescription()
                    .timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        }
    }

    @Test
    void timeToLive_shouldFollowAnUpdatedExpiry_andIgnoreValuesFiveYearsOld() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Sessions", null, null);
            long now = LocalDynamoDb.START.getEpochSecond();
            put(local, "ancient", now - Duration.ofDays(6 * 365).toSeconds());
            put(local, "renewed", now + 60);
            local.client.updateTimeToLive(b -> b.tableName("Sessions")
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            put(local, "renewed", now + 600);

            local.clock.advance(Duration.ofSeconds(120));
            assertThat(exists(local, "renewed")).isTrue();
            assertThat(exists(local, "ancient")).isTrue();
            local.clock.advance(Duration.ofSeconds(600));
            assertThat(exists(local, "renewed")).isFalse();
        }
    }

    @Test
    void timeToLive_shouldStillExpireItems_afterARestart(@TempDir Path dataDir) {
        ManualClock clock = new ManualClock(LocalDynamoDb.START);
        long now = LocalDynamoDb.START.getEpochSecond();
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir, clock)) {
            local.createTable("Sessions", null, null);
            local.client.updateTimeToLive(b -> b.tableName("Sessions")
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            put(local, "s", now + 60);
        }
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir, new ManualClock(LocalDynamoDb.START))) {
            local.clock.advance(Duration.ofSeconds(61));
            assertThat(exists(local, "s")).isFalse();
        }
    }

    @Test
    void stream_shouldRecordInsertModifyRemove_withBothImages_andTtlDeletionsAsTheService() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory(); DynamoDbStreamsClient streams = local.streams()) {
            local.createTable("Orders", null, null);
            String streamArn = local.client.updateTable(b -> b.tableName("Orders").streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription().latestStreamArn();
            local.client.updateTimeToLive(b -> b.tableName("Orders")
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "v", n("1"))));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "v", n("1"))));
            local.client.updateItem(b -> b.tableName("Orders").key(key("o1")).updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", n("2"))));
            local.client.deleteItem(b -> b.tableName("Orders").key(key("o1")));
            put(local, "Orders", "o2", LocalDynamoDb.START.getEpochSecond() + 10);
            local.clock.advance(Duration.ofSeconds(10));

            var stream = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
            String shardId = stream.shards().get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = streams.getRecords(b -> b.shardIterator(iterator));

            assertThat(stream.streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(records.records()).extracting(r -> r.eventNameAsString())
                    .containsExactly("INSERT", "MODIFY", "REMOVE", "INSERT", "REMOVE");
            var modify = records.records().get(1).dynamodb();
            assertThat(modify.oldImage()).containsEntry("v", n("1"));
            assertThat(modify.newImage()).containsEntry("v", n("2"));
            var ttlRemoval = records.records().get(4);
            assertThat(ttlRemoval.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            assertThat(ttlRemoval.userIdentity().type()).isEqualTo("Service");
            assertThat(records.nextShardIterator()).isNotNull();
            assertThat(streams.getRecords(b -> b.shardIterator(records.nextShardIterator())).records()).isEmpty();
        }
    }

    @Test
    void stream_shouldCarryOnlyKeys_whenTheViewTypeIsKeysOnly_andStartAfterASequenceNumber() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory(); DynamoDbStreamsClient streams = local.streams()) {
            local.client.createTable(b -> b.tableName("Orders")
                    .attributeDefinitions(TableOperationsTest.attribute("pk", "S"))
                    .keySchema(TableOperationsTest.key("pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                    .billingMode("PAY_PER_REQUEST")
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            for (String id : List.of("a", "b", "c")) {
                local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s(id), "v", n("1"))));
            }
            String streamArn = streams.listStreams(b -> b.tableName("Orders")).streams().get(0).streamArn();
            String shardId = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
            var all = streams.getRecords(b -> b.shardIterator(streams.getShardIterator(i -> i.streamArn(streamArn)
                    .shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator())).records();
            String firstSequence = all.get(0).dynamodb().sequenceNumber();
            var rest = streams.getRecords(b -> b.shardIterator(streams.getShardIterator(i -> i.streamArn(streamArn)
                    .shardId(shardId).shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(firstSequence)).shardIterator())).records();

            assertThat(all).hasSize(3);
            assertThat(all.get(0).dynamodb().keys()).containsOnlyKeys("pk");
            assertThat(all.get(0).dynamodb().newImage()).isEmpty();
            assertThat(rest).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("b", "c");
        }
    }

    @Test
    void stream_shouldCloseItsShard_whenTheStreamIsDisabled() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory(); DynamoDbStreamsClient streams = local.streams()) {
            local.createTable("Orders", null, null);
            String streamArn = local.client.updateTable(b -> b.tableName("Orders").streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                    .tableDescription().latestStreamArn();
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"))));
            local.client.updateTable(b -> b.tableName("Orders").streamSpecification(s -> s.streamEnabled(false)));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o2"))));

            var description = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
            var shard = description.shards().get(0);
            var records = streams.getRecords(b -> b.shardIterator(streams.getShardIterator(i -> i.streamArn(streamArn)
                    .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()));

            assertThat(description.streamStatusAsString()).isEqualTo("DISABLED");
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNotNull();
            assertThat(records.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("o1");
            assertThat(records.nextShardIterator()).isNull();
        }
    }

    private static void put(LocalDynamoDb local, String id, long expires) {
        put(local, "Sessions", id, expires);
    }

    private static void put(LocalDynamoDb local, String table, String id, long expires) {
        local.client.putItem(b -> b.tableName(table).item(Map.of("pk", s(id), "expires", n(String.valueOf(expires)))));
    }

    private static boolean exists(LocalDynamoDb local, String id) {
        return local.client.getItem(b -> b.tableName("Sessions").key(key(id)).consistentRead(true)).hasItem();
    }
}
