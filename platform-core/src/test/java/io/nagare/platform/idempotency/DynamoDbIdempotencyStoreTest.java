package io.nagare.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.TableDeclaration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbIdempotencyStoreTest {

    @Test
    void declareTable_shouldGiveTheKeyAndTtlTheStoreUses() {
        PlatformModel model = PlatformModel.builder().owner("payments")
                .table("payments-idempotency", DynamoDbIdempotencyStore::declareTable).build();
        TableDeclaration table = model.table("payments-idempotency").orElseThrow();
        assertThat(table.partitionKey()).isEqualTo(TableDeclaration.Key.of("id", TableDeclaration.AttributeType.S));
        assertThat(table.ttlAttribute()).isEqualTo("expiresAt");
    }

    @Test
    void fromEnvironment_shouldReadTheDeclaredTablesVariable_andNameItWhenMissing() {
        DynamoDbClient client = DynamoDbClient.builder().region(software.amazon.awssdk.regions.Region.AP_NORTHEAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
        try (client) {
            FunctionEnvironment env = FunctionEnvironment.of(Map.of("NAGARE_TABLE_PAYMENTS_IDEMPOTENCY", "t-1",
                    "NAGARE_TABLE_IDEMPOTENCY", "t-2"));
            assertThat(DynamoDbIdempotencyStore.fromEnvironment(client, env, "payments-idempotency").tableName())
                    .isEqualTo("t-1");
            assertThat(DynamoDbIdempotencyStore.fromEnvironment(client, env).tableName()).isEqualTo("t-2");
            assertThatThrownBy(() -> DynamoDbIdempotencyStore.fromEnvironment(client, FunctionEnvironment.of(Map.of())))
                    .hasMessageContaining("NAGARE_TABLE_IDEMPOTENCY");
        }
    }

    @Test
    void toRecord_shouldReadTheStoredItem() {
        IdempotencyRecord record = DynamoDbIdempotencyStore.toRecord(Map.of(
                "id", AttributeValue.builder().s("exec#step").build(),
                "attempt", AttributeValue.builder().s("a-1").build(),
                "status", AttributeValue.builder().s("COMPLETED").build(),
                "result", AttributeValue.builder().s("{\"ok\":true}").build(),
                "inProgressUntil", AttributeValue.builder().n("1767225600123").build(),
                "expiresAt", AttributeValue.builder().n("1767229200").build()));
        assertThat(record).isEqualTo(new IdempotencyRecord("exec#step", "a-1", IdempotencyStatus.COMPLETED,
                "{\"ok\":true}", Instant.ofEpochMilli(1767225600123L), Instant.ofEpochSecond(1767229200)));
    }
}
