package io.nagare.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableOperationsTest {

    private final LocalDynamoDb local = LocalDynamoDb.inMemory();

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void createTable_shouldDescribeKeysIndexesAndStream_whenGivenAllOfThem() {
        local.client.createTable(b -> b.tableName("Orders")
                .attributeDefinitions(attribute("pk", "S"), attribute("sk", "N"), attribute("status", "S"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                        .keySchema(key("status", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));

        DescribeTableResponse described = local.client.describeTable(b -> b.tableName("Orders"));

        assertThat(described.table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.table().tableArn()).isEqualTo("arn:aws:dynamodb:ap-northeast-1:000000000000:table/Orders");
        assertThat(described.table().keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(described.table().globalSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("byStatus"));
        assertThat(described.table().billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.table().latestStreamArn()).startsWith(described.table().tableArn() + "/stream/");
        assertThat(local.client.listTables().tableNames()).containsExactly("Orders");
    }

    @Test
    void createTable_shouldFailWithResourceInUse_whenTheTableExists() {
        local.createTable("Orders", null, null);

        assertThatThrownBy(() -> local.createTable("Orders", null, null))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: Orders");
    }

    @Test
    void createTable_shouldNameTheMissingDefinition_whenAKeyIsNotDefined() {
        assertThatThrownBy(() -> local.client.createTable(b -> b.tableName("Orders")
                .attributeDefinitions(attribute("pk", "S"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are not "
                        + "defined in AttributeDefinitions. Keys: [pk, sk], AttributeDefinitions: [pk]");
    }

    @Test
    void deleteTable_shouldRemoveTheTable_andDescribeShouldThenFail() {
        local.createTable("Orders", "sk", ScalarAttributeType.S);

        assertThat(local.client.deleteTable(b -> b.tableName("Orders")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);

        assertThatThrownBy(() -> local.client.describeTable(b -> b.tableName("Orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: Orders not found");
        assertThat(local.client.listTables().tableNames()).isEmpty();
    }

    @Test
    void listTables_shouldPage_whenLimitIsSmallerThanTheTableCount() {
        local.createTable("alpha", null, null);
        local.createTable("beta", null, null);
        local.createTable("gamma", null, null);

        var first = local.client.listTables(b -> b.limit(2));
        var second = local.client.listTables(b -> b.limit(2).exclusiveStartTableName(first.lastEvaluatedTableName()));

        assertThat(first.tableNames()).containsExactly("alpha", "beta");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("beta");
        assertThat(second.tableNames()).containsExactly("gamma");
        assertThat(second.lastEvaluatedTableName()).isNull();
    }

    static AttributeDefinition attribute(String name, String type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
