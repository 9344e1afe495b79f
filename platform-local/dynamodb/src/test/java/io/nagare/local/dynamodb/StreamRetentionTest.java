package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamRetentionTest {

    @Test
    void getRecords_shouldFailWithExpiredIterator_whenTheIteratorIsOlderThanFifteenMinutes() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory(); DynamoDbStreamsClient streams = local.streams()) {
            String arn = streamTable(local);
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"))));
            String iterator = trimHorizon(streams, arn);

            local.clock.advance(Duration.ofMinutes(15));
            var page = streams.getRecords(b -> b.shardIterator(iterator));
            local.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

            assertThat(page.records()).hasSize(1);
            assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(iterator)))
                    .isInstanceOf(ExpiredIteratorException.class).hasMessageContaining("Shard iterator has expired");
            // The iterator GetRecords returned was issued when it answered, so it too is now expired.
            assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(page.nextShardIterator())))
                    .isInstanceOf(ExpiredIteratorException.class);
        }
    }

    @Test
    void getRecords_shouldFailWithTrimmedData_whenItsRecordsPassedTwentyFourHours() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory(); DynamoDbStreamsClient streams = local.streams()) {
            String arn = streamTable(local);
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("old"))));
            String iterator = trimHorizon(streams, arn);
            String oldSequence = streams.getRecords(b -> b.shardIterator(iterator)).records().get(0).dynamodb()
                    .sequenceNumber();

            local.clock.advance(Duration.ofHours(24).minusMinutes(5));
            String beforeTrim = trimHorizon(streams, arn);
            local.clock.advance(Duration.ofMinutes(6));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("new"))));

            assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(beforeTrim)))
                    .isInstanceOf(TrimmedDataAccessException.class)
                    .hasMessageContaining("The data you are trying to access has been trimmed");
            assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard(streams, arn))
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(oldSequence)))
                    .isInstanceOf(TrimmedDataAccessException.class);
            var kept = streams.getRecords(b -> b.shardIterator(trimHorizon(streams, arn))).records();
            assertThat(kept).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("new");
            assertThat(kept.get(0).dynamodb().sequenceNumber()).isGreaterThan(oldSequence);
        }
    }

    @Test
    void stream_shouldKeepNumberingAfterEveryRecordWasTrimmed() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory(); DynamoDbStreamsClient streams = local.streams()) {
            String arn = streamTable(local);
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("a"))));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("b"))));
            var before = streams.getRecords(b -> b.shardIterator(trimHorizon(streams, arn))).records();

            local.clock.advance(Duration.ofHours(25));
            String latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard(streams, arn))
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("c"))));
            var after = streams.getRecords(b -> b.shardIterator(latest)).records();

            assertThat(after).hasSize(1);
            assertThat(after.get(0).dynamodb().sequenceNumber()).isGreaterThan(before.get(1).dynamodb().sequenceNumber());
            assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0)
                    .sequenceNumberRange().startingSequenceNumber()).isEqualTo(after.get(0).dynamodb().sequenceNumber());
        }
    }

    private static String streamTable(LocalDynamoDb local) {
        local.createTable("Orders", null, null);
        return local.client.updateTable(b -> b.tableName("Orders").streamSpecification(
                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))).tableDescription().latestStreamArn();
    }

    private static String shard(DynamoDbStreamsClient streams, String arn) {
        return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    }

    private static String trimHorizon(DynamoDbStreamsClient streams, String arn) {
        return streams.getShardIterator(b -> b.streamArn(arn).shardId(shard(streams, arn))
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }
}
