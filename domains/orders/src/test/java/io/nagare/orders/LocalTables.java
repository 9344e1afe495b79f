package io.nagare.orders;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The local runtime's DynamoDB, with the module's declared tables created under a fresh prefix per call of
 * {@link #createTables()}, so tests sharing one runtime never see each other's items.
 */
final class LocalTables implements AutoCloseable {

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final LocalRuntime runtime;
    private final AwsClients clients;
    final DynamoDbClient dynamoDb;

    LocalTables() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).service(new DynamoDbServiceFactory()).start();
        clients = AwsClients.of(FunctionEnvironment.of(baseVariables()));
        dynamoDb = clients.dynamoDb();
    }

    /** The AWS variables pointing the SDK at the local runtime. */
    Map<String, String> baseVariables() {
        Map<String, String> variables = new HashMap<>();
        variables.put("AWS_ENDPOINT_URL", runtime.endpointUrl());
        variables.put("AWS_REGION", "ap-northeast-1");
        variables.put("AWS_ACCESS_KEY_ID", "test");
        variables.put("AWS_SECRET_ACCESS_KEY", "test");
        return variables;
    }

    /**
     * Creates every table of the module's declarations under a new prefix.
     *
     * @return the {@code NAGARE_TABLE_*} variables naming them, as the model gives a function
     */
    Map<String, String> createTables() {
        String prefix = "t" + PREFIXES.incrementAndGet() + "-";
        Map<String, String> variables = new HashMap<>();
        for (TableDeclaration table : PlatformModel.of(new OrdersDeclarations()).tables()) {
            String name = prefix + table.name();
            dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(table.partitionKey().name())
                            .attributeType(table.partitionKey().type().name()).build())
                    .keySchema(KeySchemaElement.builder().attributeName(table.partitionKey().name())
                            .keyType(KeyType.HASH).build()));
            if (table.ttlAttribute() != null) {
                dynamoDb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(true)
                        .attributeName(table.ttlAttribute())));
            }
            variables.put(Reference.table(table.name()).environmentVariable(), name);
        }
        return variables;
    }

    @Override
    public void close() {
        dynamoDb.close();
        clients.close();
        runtime.close();
    }
}
