package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static io.nagare.local.dynamodb.TableOperationsTest.attribute;
import static io.nagare.local.dynamodb.TableOperationsTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TableStatisticsTest {

    @Test
    void describeTable_shouldReportItemCountAndSizes_ofASmallTableExactly() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute("pk", "S"), attribute("state", "S"))
                    .keySchema(key("pk", KeyType.HASH))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byState")
                            .keySchema(key("state", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
            // Sizes as DynamoDB counts them: attribute name bytes plus string value bytes.
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "state", s("new"))));
            local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o2"), "note", s("0123456789"))));

            TableDescription table = local.client.describeTable(b -> b.tableName("Orders")).table();

            assertThat(table.itemCount()).isEqualTo(2);
            assertThat(table.tableSizeBytes()).isEqualTo((2 + 2 + 5 + 3) + (2 + 2 + 4 + 10));
            assertThat(table.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
            assertThat(table.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(2 + 2 + 5 + 3);
        }
    }

    @Test
    void describeTable_shouldRereadALargeTableEverySixHours_andScaleByTheLiveCountInBetween() {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Big", null, null);
            int items = TableStatistics.EXACT_UP_TO + 25;
            for (int start = 0; start < items; start += 25) {
                List<WriteRequest> writes = new ArrayList<>();
                for (int i = start; i < start + 25; i++) {
                    String id = String.format("a%07d", i);
                    writes.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s(id)))).build());
                }
                local.client.batchWriteItem(b -> b.requestItems(Map.of("Big", writes)));
            }
            long itemBytes = 2 + 8;
            long first = describe(local).tableSizeBytes();
            String bigNote = "n".repeat(1000);
            for (int i = 0; i < 25; i++) {
                String id = String.format("b%07d", i);
                local.client.putItem(b -> b.tableName("Big").item(Map.of("pk", s(id), "note", s(bigNote))));
            }
            TableDescription between = describe(local);
            local.clock.advance(Duration.ofHours(6));
            TableDescription reread = describe(local);

            assertThat(first).isEqualTo(items * itemBytes);
            assertThat(between.itemCount()).isEqualTo(items + 25);
            assertThat(between.tableSizeBytes()).isEqualTo((items + 25) * itemBytes);
            assertThat(reread.tableSizeBytes()).isEqualTo((items + 25) * itemBytes + 25 * (4 + 1000));
        }
    }

    private static TableDescription describe(LocalDynamoDb local) {
        return local.client.describeTable(b -> b.tableName("Big")).table();
    }
}
