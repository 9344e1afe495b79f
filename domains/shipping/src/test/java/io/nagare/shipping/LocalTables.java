package io.nagare.shipping;

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

/** The local runtime's DynamoDB on a free port, with the shipping tables created as the model declares them. */
final class LocalTables implements AutoCloseable {

    final LocalRuntime runtime;
    final AwsClients clients;
    final DynamoDbClient dynamoDb;

    LocalTables() {
        this.runtime = LocalRuntime.builder().port(0).discoverServices(false).service(new DynamoDbServiceFactory())
                .start();
        this.clients = AwsClients.of(FunctionEnvironment.of(Map.of(
                "AWS_ENDPOINT_URL", runtime.endpointUrl(),
                "AWS_REGION", "ap-northeast-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test")));
        this.dynamoDb = clients.dynamoDb();
        create(ShippingDeclarations.SHIPMENTS_TABLE, "orderId");
        create(ShippingDeclarations.IDEMPOTENCY_TABLE, "id");
    }

    private void create(String table, String key) {
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build()));
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
