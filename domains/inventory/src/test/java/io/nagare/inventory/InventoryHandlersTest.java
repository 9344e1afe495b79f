package io.nagare.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.EventJson;
import io.nagare.inventory.internal.StockItem;
import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The handlers as Lambda builds them (public constructor, clients and names from the bound function environment),
 * fed the JSON fixtures, against the local runtime's DynamoDB and EventBridge.
 */
class InventoryHandlersTest {

    private static LocalRuntime runtime;
    private static Map<String, String> variables;
    private static DynamoDbClient dynamoDb;
    private static AwsClients clients;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).discoverServices(false).service(new DynamoDbServiceFactory())
                .service(new EventBridgeServiceFactory()).start();
        variables = new HashMap<>();
        variables.put("AWS_ENDPOINT_URL", runtime.endpointUrl());
        variables.put("AWS_REGION", "ap-northeast-1");
        variables.put("AWS_ACCESS_KEY_ID", "test");
        variables.put("AWS_SECRET_ACCESS_KEY", "test");
        clients = AwsClients.of(FunctionEnvironment.of(variables));
        dynamoDb = clients.dynamoDb();
        for (String[] table : new String[][] {{"inventory", "sku"}, {"inventory-reservations", "orderId"},
                {"inventory-idempotency", "id"}}) {
            dynamoDb.createTable(b -> b.tableName(table[0]).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(table[1]).attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName(table[1]).keyType(KeyType.HASH).build()));
        }
        try (EventBridgeClient events = clients.eventBridge()) {
            events.createEventBus(b -> b.name("nagare"));
        }
        variables.put("NAGARE_TABLE_INVENTORY", "inventory");
        variables.put("NAGARE_TABLE_INVENTORY_RESERVATIONS", "inventory-reservations");
        variables.put("NAGARE_TABLE_INVENTORY_IDEMPOTENCY", "inventory-idempotency");
        variables.put("NAGARE_BUS_NAGARE", "nagare");
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        clients.close();
        runtime.close();
    }

    @Test
    void handlers_shouldRestockReserveAndRelease_asTheContractSays() throws Exception {
        try (FunctionEnvironment.Scope scope = FunctionEnvironment.of(variables).bind()) {
            RestockHandler restock = new RestockHandler();
            ReserveInventoryHandler reserve = new ReserveInventoryHandler();
            ReleaseInventoryHandler release = new ReleaseInventoryHandler();

            assertThat(invoke(restock, "steps/restock-input.json")).isEqualTo("{\"items\":["
                    + "{\"sku\":\"CUP-YUNOMI-BLUE\",\"available\":4,\"reserved\":0},"
                    + "{\"sku\":\"TEA-SENCHA-100G\",\"available\":10,\"reserved\":0}]}");

            JsonNode reserved = EventJson.mapper().readTree(invoke(reserve, "steps/reserve-inventory-input.json"));
            assertThat(reserved.fieldNames()).toIterable().containsExactly("reservationId", "expiresAt");
            assertThat(invoke(reserve, "steps/reserve-inventory-input.json")).isEqualTo(reserved.toString());
            assertThat(stock("TEA-SENCHA-100G").getAvailable()).isEqualTo(8);

            // the saga passes order lines; their prices are not inventory's business
            invoke(reserve, "steps/reserve-inventory-input-with-prices.json");
            assertThat(stock("TEA-SENCHA-100G").getReserved()).isEqualTo(3);

            assertThat(invoke(release, "steps/release-inventory-input.json")).isEqualTo("{\"released\":true}");
            assertThat(invoke(release, "steps/release-inventory-input.json")).isEqualTo("{\"released\":true}");
            assertThat(stock("TEA-SENCHA-100G").getAvailable()).isEqualTo(9);
            assertThat(stock("CUP-YUNOMI-BLUE").getAvailable()).isEqualTo(4);
        }
    }

    @Test
    void reserve_shouldRefuseAFractionalQuantity_ratherThanTruncateIt() {
        try (FunctionEnvironment.Scope scope = FunctionEnvironment.of(variables).bind()) {
            ReserveInventoryHandler reserve = new ReserveInventoryHandler();

            assertThatThrownBy(() -> invoke(reserve, "steps/reserve-inventory-input-fractional.json"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("reserve-inventory input at /lines/0/quantity:");
        }
    }

    @Test
    void restock_shouldRefuseBadRequests_namingWhatIsWrong() {
        try (FunctionEnvironment.Scope scope = FunctionEnvironment.of(variables).bind()) {
            RestockHandler restock = new RestockHandler();

            assertThatThrownBy(() -> restock.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("restock input items: at least one line is required");
            assertThatThrownBy(() -> restock.handleRequest(new ByteArrayInputStream(
                    "{\"items\": [{\"sku\": \"TEA\"}]}".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("restock input items/0/quantity is required");
        }
    }

    @Test
    void handlers_shouldNameTheMissingVariable_whenTheModelDidNotGiveIt() {
        try (FunctionEnvironment.Scope scope = FunctionEnvironment.of(Map.of("AWS_REGION", "ap-northeast-1",
                "AWS_LAMBDA_FUNCTION_NAME", "restock")).bind()) {
            assertThatThrownBy(RestockHandler::new)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("environment variable NAGARE_TABLE_INVENTORY is not set for function 'restock'");
        }
    }

    private static StockItem stock(String sku) {
        StockItem item = new StockItem();
        var found = dynamoDb.getItem(b -> b.tableName("inventory").consistentRead(true)
                .key(Map.of("sku", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sku)))).item();
        item.setSku(sku);
        item.setAvailable(Long.parseLong(found.get("available").n()));
        item.setReserved(Long.parseLong(found.get("reserved").n()));
        return item;
    }

    private static String invoke(RequestStreamHandler handler, String fixture) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8)),
                    output, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }
}
