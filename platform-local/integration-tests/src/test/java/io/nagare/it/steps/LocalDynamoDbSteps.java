package io.nagare.it.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * A local runtime serving DynamoDB on a free port, and a function's view of it: an environment with
 * {@code AWS_ENDPOINT_URL} and the tables' variables, and the DynamoDB client {@link AwsClients} builds from it, as a
 * handler would.
 */
final class LocalDynamoDbSteps implements AutoCloseable {

    static final String IDEMPOTENCY_TABLE = "idempotency";
    static final String BREAKER_TABLE = "circuit-breakers";

    final LocalRuntime runtime;
    final FunctionEnvironment environment;
    final AwsClients clients;
    final DynamoDbClient dynamoDb;

    LocalDynamoDbSteps() {
        this.runtime = LocalRuntime.builder().port(0).discoverServices(false).service(new DynamoDbServiceFactory())
                .start();
        this.environment = FunctionEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL", runtime.endpointUrl(),
                "AWS_REGION", "ap-northeast-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "NAGARE_TABLE_IDEMPOTENCY", IDEMPOTENCY_TABLE,
                "NAGARE_TABLE_CIRCUIT_BREAKERS", BREAKER_TABLE));
        this.clients = AwsClients.of(environment);
        this.dynamoDb = clients.dynamoDb();
        createTable(IDEMPOTENCY_TABLE);
        createTable(BREAKER_TABLE);
    }

    private void createTable(String name) {
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    @Override
    public void close() {
        dynamoDb.close();
        clients.close();
        runtime.close();
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
