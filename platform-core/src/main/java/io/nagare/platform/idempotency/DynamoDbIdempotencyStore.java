package io.nagare.platform.idempotency;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency records in a DynamoDB table keyed by {@value #KEY} (S), with DynamoDB TTL on {@value #EXPIRES_AT}
 * (epoch seconds). Declare the table in the platform model as
 * {@code model.table("idempotency", t -> t.partitionKey("id", AttributeType.S).ttlAttribute("expiresAt"))}; a function
 * using it then reads its name from {@value #TABLE_VARIABLE}.
 *
 * <p>Item: {@code id}, {@code status} (IN_PROGRESS | COMPLETED), {@code attempt}, {@code result} (JSON),
 * {@code inProgressUntil} (epoch millis), {@code expiresAt} (epoch seconds). TTL deletes lazily, so expired items are
 * treated as absent by every condition here. Safe on a global table: a key is written by the region handling it.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    public static final String TABLE_VARIABLE = "NAGARE_TABLE_IDEMPOTENCY";
    public static final String KEY = "id";
    public static final String STATUS = "status";
    public static final String ATTEMPT = "attempt";
    public static final String RESULT = "result";
    public static final String IN_PROGRESS_UNTIL = "inProgressUntil";
    public static final String EXPIRES_AT = "expiresAt";

    private static final String START_CONDITION = "attribute_not_exists(#id) OR #expiresAt <= :nowSeconds"
            + " OR (#status = :inProgress AND #inProgressUntil <= :nowMillis)";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbIdempotencyStore(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** The store on the table named by {@value #TABLE_VARIABLE} in the function's environment. */
    public static DynamoDbIdempotencyStore fromEnvironment(DynamoDbClient client, FunctionEnvironment environment) {
        return new DynamoDbIdempotencyStore(client, environment.require(TABLE_VARIABLE));
    }

    /**
     * The store on the table the model declares as {@code declaredTable}, named by its variable
     * ({@code NAGARE_TABLE_PAYMENTS_IDEMPOTENCY} for {@code payments-idempotency}).
     */
    public static DynamoDbIdempotencyStore fromEnvironment(DynamoDbClient client, FunctionEnvironment environment,
                                                           String declaredTable) {
        return new DynamoDbIdempotencyStore(client,
                environment.require(Reference.table(declaredTable).environmentVariable()));
    }

    /**
     * Declares an idempotency table's shape in the platform model:
     * {@code model.table("payments-idempotency", DynamoDbIdempotencyStore::declareTable)} (key {@value #KEY}, TTL on
     * {@value #EXPIRES_AT}); add replicas or billing after it if needed.
     */
    public static TableDeclaration.Builder declareTable(TableDeclaration.Builder table) {
        return table.partitionKey(KEY, TableDeclaration.AttributeType.S).ttlAttribute(EXPIRES_AT);
    }

    public String tableName() {
        return tableName;
    }

    @Override
    public Optional<IdempotencyRecord> start(IdempotencyRecord record, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, s(record.key()));
        item.put(STATUS, s(record.status().name()));
        item.put(ATTEMPT, s(record.attempt()));
        item.put(IN_PROGRESS_UNTIL, n(record.inProgressUntil().toEpochMilli()));
        item.put(EXPIRES_AT, n(record.expiresAt().getEpochSecond()));
        if (record.result() != null) {
            item.put(RESULT, s(record.result()));
        }
        try {
            client.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression(START_CONDITION)
                    .expressionAttributeNames(Map.of("#id", KEY, "#expiresAt", EXPIRES_AT, "#status", STATUS,
                            "#inProgressUntil", IN_PROGRESS_UNTIL))
                    .expressionAttributeValues(Map.of(":nowSeconds", n(now.getEpochSecond()),
                            ":nowMillis", n(now.toEpochMilli()),
                            ":inProgress", s(IdempotencyStatus.IN_PROGRESS.name())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return Optional.of(toRecord(e.item()));
            }
            return find(record.key());
        } catch (SdkException e) {
            throw failure("start", record.key(), e);
        }
    }

    @Override
    public boolean complete(String key, String attempt, String result, Instant expiresAt) {
        try {
            client.updateItem(b -> b.tableName(tableName).key(Map.of(KEY, s(key)))
                    .updateExpression("SET #status = :completed, #result = :result, #expiresAt = :expiresAt")
                    .conditionExpression("#attempt = :attempt")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#result", RESULT, "#expiresAt", EXPIRES_AT,
                            "#attempt", ATTEMPT))
                    .expressionAttributeValues(Map.of(":completed", s(IdempotencyStatus.COMPLETED.name()),
                            ":result", s(result), ":expiresAt", n(expiresAt.getEpochSecond()),
                            ":attempt", s(attempt))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failure("complete", key, e);
        }
    }

    @Override
    public void release(String key, String attempt) {
        try {
            client.deleteItem(b -> b.tableName(tableName).key(Map.of(KEY, s(key)))
                    .conditionExpression("#attempt = :attempt AND #status = :inProgress")
                    .expressionAttributeNames(Map.of("#attempt", ATTEMPT, "#status", STATUS))
                    .expressionAttributeValues(Map.of(":attempt", s(attempt),
                            ":inProgress", s(IdempotencyStatus.IN_PROGRESS.name()))));
        } catch (ConditionalCheckFailedException e) {
            // another attempt owns the key now: leave its record alone
        } catch (SdkException e) {
            throw failure("release", key, e);
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String key) {
        try {
            GetItemResponse response = client.getItem(b -> b.tableName(tableName).key(Map.of(KEY, s(key)))
                    .consistentRead(true));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(toRecord(response.item())) : Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    private IdempotencyException failure(String operation, String key, SdkException e) {
        return new IdempotencyException("idempotency table '" + tableName + "': " + operation + " of key '" + key
                + "' failed: " + e.getMessage(), e);
    }

    static IdempotencyRecord toRecord(Map<String, AttributeValue> item) {
        AttributeValue result = item.get(RESULT);
        return new IdempotencyRecord(item.get(KEY).s(), item.get(ATTEMPT).s(),
                IdempotencyStatus.valueOf(item.get(STATUS).s()), result == null ? null : result.s(),
                Instant.ofEpochMilli(Long.parseLong(item.get(IN_PROGRESS_UNTIL).n())),
                Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
