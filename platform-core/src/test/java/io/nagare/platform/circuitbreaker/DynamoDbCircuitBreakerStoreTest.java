package io.nagare.platform.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.TableDeclaration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbCircuitBreakerStoreTest {

    @Test
    void declareTable_shouldGiveTheKeyTheStoreUses() {
        PlatformModel model = PlatformModel.builder().owner("payments")
                .table("circuit-breakers", DynamoDbCircuitBreakerStore::declareTable).build();
        assertThat(model.table("circuit-breakers").orElseThrow().partitionKey())
                .isEqualTo(TableDeclaration.Key.of("id", TableDeclaration.AttributeType.S));
    }

    @Test
    void errorTypes_shouldBeTheClassNamesLambdaReports() {
        assertThat(CircuitOpenException.ERROR_TYPE).isEqualTo(CircuitOpenException.class.getName());
        assertThat(io.nagare.platform.idempotency.IdempotencyInProgressException.ERROR_TYPE)
                .isEqualTo(io.nagare.platform.idempotency.IdempotencyInProgressException.class.getName());
    }

    @Test
    void toRecord_shouldReadTheStoredItem() {
        CircuitRecord record = DynamoDbCircuitBreakerStore.toRecord(Map.of(
                "id", AttributeValue.builder().s("payment-provider").build(),
                "state", AttributeValue.builder().s("OPEN").build(),
                "failures", AttributeValue.builder().n("5").build(),
                "windowStart", AttributeValue.builder().n("1000").build(),
                "openUntil", AttributeValue.builder().n("31000").build(),
                "probeUntil", AttributeValue.builder().n("0").build(),
                "changedAt", AttributeValue.builder().n("1000").build(),
                "version", AttributeValue.builder().n("7").build()));
        assertThat(record).isEqualTo(new CircuitRecord("payment-provider", CircuitState.OPEN, 5,
                Instant.ofEpochMilli(1000), Instant.ofEpochMilli(31000), Instant.EPOCH, Instant.ofEpochMilli(1000), 7));
        assertThat(record.effectiveState(Instant.ofEpochMilli(30999))).isEqualTo(CircuitState.OPEN);
        assertThat(record.effectiveState(Instant.ofEpochMilli(31000))).isEqualTo(CircuitState.HALF_OPEN);
    }
}
