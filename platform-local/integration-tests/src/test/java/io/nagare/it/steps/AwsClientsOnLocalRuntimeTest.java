package io.nagare.it.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Handlers' clients, built by {@link AwsClients} from a function's environment, reach the local runtime's services. */
class AwsClientsOnLocalRuntimeTest {

    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).service(new DynamoDbServiceFactory())
                .service(new SqsServiceFactory()).service(new EventBridgeServiceFactory()).start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static FunctionEnvironment environment(Map<String, String> endpoints) {
        java.util.Map<String, String> variables = new java.util.HashMap<>(endpoints);
        variables.put("AWS_REGION", "ap-northeast-1");
        variables.put("AWS_ACCESS_KEY_ID", "test");
        variables.put("AWS_SECRET_ACCESS_KEY", "test");
        return FunctionEnvironment.of(variables);
    }

    @Test
    void clients_shouldReachEveryLocalService_throughTheOneEndpoint() {
        FunctionEnvironment.Scope scope = environment(Map.of("AWS_ENDPOINT_URL", runtime.endpointUrl())).bind();
        try (scope;
             AwsClients clients = AwsClients.create();
             DynamoDbClient dynamoDb = clients.dynamoDb();
             SqsClient sqs = clients.build(SqsClient.builder());
             EventBridgeClient events = clients.eventBridge()) {
            dynamoDb.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("orderId").attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.HASH).build()));
            assertThat(dynamoDb.listTables().tableNames()).contains("orders");

            DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
            DynamoDbTable<EnhancedDocument> orders = enhanced.table("orders", TableSchema.documentSchemaBuilder()
                    .addIndexPartitionKey(TableMetadata.primaryIndexName(), "orderId", AttributeValueType.S)
                    .attributeConverterProviders(AttributeConverterProvider.defaultProvider()).build());
            orders.putItem(EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                    .putString("orderId", "o-1").putString("status", "PLACED").build());
            assertThat(orders.getItem(Key.builder().partitionValue("o-1").build()).getString("status"))
                    .isEqualTo("PLACED");

            String queueUrl = sqs.createQueue(b -> b.queueName("orders-dlq")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("poison"));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages())
                    .extracting(m -> m.body()).containsExactly("poison");

            PutEventsResponse put = events.putEvents(b -> b.entries(e -> e.source("nagare.test")
                    .detailType("Ping").detail("{\"n\":1}")));
            assertThat(put.failedEntryCount()).isZero();
        }
    }

    @Test
    void clients_shouldUseTheServiceEndpoint_overTheGeneralOne() {
        // the general endpoint points nowhere: only the per-service variable can make this call succeed
        try (AwsClients clients = AwsClients.of(environment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_DYNAMODB", runtime.endpointUrl())));
             DynamoDbClient dynamoDb = clients.dynamoDb()) {
            assertThat(dynamoDb.listTables().tableNames()).isNotNull();
        }
    }
}
