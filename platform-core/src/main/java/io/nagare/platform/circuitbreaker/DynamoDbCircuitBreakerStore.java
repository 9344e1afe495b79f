package io.nagare.platform.circuitbreaker;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Circuit breakers' state in a DynamoDB table keyed by {@value #KEY} (S), one item per breaker, each write a conditional
 * put on {@value #VERSION}. Declare it as {@code model.table("circuit-breakers", t -> t.partitionKey("id",
 * AttributeType.S))}; a function using it reads its name from {@value #TABLE_VARIABLE}. Times are epoch milliseconds.
 *
 * <p>On a global table each region converges to the last writer; a breaker is then shared per region between writes,
 * which suits a breaker (each region sees its own path to the dependency most of the time).
 */
public final class DynamoDbCircuitBreakerStore implements CircuitBreakerStore {

    public static final String TABLE_VARIABLE = "NAGARE_TABLE_CIRCUIT_BREAKERS";
    public static final String KEY = "id";
    public static final String STATE = "state";
    public static final String FAILURES = "failures";
    public static final String WINDOW_START = "windowStart";
    public static final String OPEN_UNTIL = "openUntil";
    public static final String PROBE_UNTIL = "probeUntil";
    public static final String CHANGED_AT = "changedAt";
    public static final String VERSION = "version";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbCircuitBreakerStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** The store on the table named by {@value #TABLE_VARIABLE} in the function's environment. */
    public static DynamoDbCircuitBreakerStore fromEnvironment(DynamoDbClient client, FunctionEnvironment environment) {
        return new DynamoDbCircuitBreakerStore(client, environment.require(TABLE_VARIABLE));
    }

    /** The store on the table the model declares as {@code declaredTable}, named by its variable. */
    public static DynamoDbCircuitBreakerStore fromEnvironment(DynamoDbClient client, FunctionEnvironment environment,
                                                              String declaredTable) {
        return new DynamoDbCircuitBreakerStore(client,
                environment.require(Reference.table(declaredTable).environmentVariable()));
    }

    /**
     * Declares a circuit breaker table's shape in the platform model:
     * {@code model.table("circuit-breakers", DynamoDbCircuitBreakerStore::declareTable)} (key {@value #KEY}).
     */
    public static TableDeclaration.Builder declareTable(TableDeclaration.Builder table) {
        return table.partitionKey(KEY, TableDeclaration.AttributeType.S);
    }

    public String tableName() {
        return tableName;
    }

    @Override
    public Optional<CircuitRecord> read(String name) {
        try {
            GetItemResponse response = client.getItem(b -> b.tableName(tableName)
                    .key(Map.of(KEY, AttributeValue.builder().s(name).build())).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(toRecord(response.item())) : Optional.empty();
        } catch (SdkException e) {
            throw new CircuitBreakerException("circuit breaker table '" + tableName + "': reading '" + name
                    + "' failed: " + e.getMessage(), e);
        }
    }

    /** Every breaker in the table, sorted by name: for operators. */
    public List<CircuitRecord> readAll() {
        try {
            return client.scanPaginator(b -> b.tableName(tableName).consistentRead(true)).items().stream()
                    .map(DynamoDbCircuitBreakerStore::toRecord)
                    .sorted(java.util.Comparator.comparing(CircuitRecord::name))
                    .collect(Collectors.toList());
        } catch (SdkException e) {
            throw new CircuitBreakerException("circuit breaker table '" + tableName + "': scan failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean compareAndSet(CircuitRecord next) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, AttributeValue.builder().s(next.name()).build());
        item.put(STATE, AttributeValue.builder().s(next.state().name()).build());
        item.put(FAILURES, n(next.failures()));
        item.put(WINDOW_START, n(next.windowStart().toEpochMilli()));
        item.put(OPEN_UNTIL, n(next.openUntil().toEpochMilli()));
        item.put(PROBE_UNTIL, n(next.probeUntil().toEpochMilli()));
        item.put(CHANGED_AT, n(next.changedAt().toEpochMilli()));
        item.put(VERSION, n(next.version()));
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(tableName).item(item);
        long expected = next.version() - 1;
        if (expected == 0) {
            request.conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", KEY));
        } else {
            request.conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(expected)));
        }
        try {
            client.putItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new CircuitBreakerException("circuit breaker table '" + tableName + "': writing '" + next.name()
                    + "' failed: " + e.getMessage(), e);
        }
    }

    static CircuitRecord toRecord(Map<String, AttributeValue> item) {
        return new CircuitRecord(item.get(KEY).s(), CircuitState.valueOf(item.get(STATE).s()),
                Integer.parseInt(item.get(FAILURES).n()), millis(item, WINDOW_START), millis(item, OPEN_UNTIL),
                millis(item, PROBE_UNTIL), millis(item, CHANGED_AT), Long.parseLong(item.get(VERSION).n()));
    }

    private static Instant millis(Map<String, AttributeValue> item, String name) {
        return Instant.ofEpochMilli(Long.parseLong(item.get(name).n()));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
