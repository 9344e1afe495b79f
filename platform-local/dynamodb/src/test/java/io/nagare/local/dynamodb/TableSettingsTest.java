package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static io.nagare.local.dynamodb.TableOperationsTest.attribute;
import static io.nagare.local.dynamodb.TableOperationsTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

class TableSettingsTest {

    private final LocalDynamoDb local = LocalDynamoDb.inMemory();

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void updateTable_shouldFillANewIndexFromExistingItems_andDropIt() {
        local.createTable("Orders", null, null);
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o1"), "customer", s("c1"), "total", n("5"))));
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o2"), "customer", s("c1"), "total", n("7"))));
        local.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("o3"))));

        local.client.updateTable(b -> b.tableName("Orders").attributeDefinitions(attribute("customer", "S"))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byCustomer")
                        .keySchema(key("customer", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build()));
        var found = local.client.query(b -> b.tableName("Orders").indexName("byCustomer")
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("c1"))));

        assertThat(found.items()).containsExactlyInAnyOrder(Map.of("pk", s("o1"), "customer", s("c1")),
                Map.of("pk", s("o2"), "customer", s("c1")));

        local.client.updateTable(b -> b.tableName("Orders").globalSecondaryIndexUpdates(
                GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("byCustomer")).build()));
        assertThat(local.client.describeTable(b -> b.tableName("Orders")).table().hasGlobalSecondaryIndexes()).isFalse();
        assertThatThrownBy(() -> local.client.query(b -> b.tableName("Orders").indexName("byCustomer")
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("c1")))))
                .hasMessageStartingWith("The table does not have the specified index: byCustomer");
    }

    @Test
    void tags_shouldBeAddedListedAndRemoved_byTableArn() {
        local.createTable("Orders", null, null);
        String arn = local.client.describeTable(b -> b.tableName("Orders")).table().tableArn();

        local.client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("payments").build(),
                Tag.builder().key("env").value("local").build()));
        local.client.untagResource(b -> b.resourceArn(arn).tagKeys("env"));

        assertThat(local.client.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("payments").build());
    }

    @Test
    void continuousBackups_shouldReportPointInTimeRecovery_onceEnabled() {
        local.createTable("Orders", null, null);
        assertThat(local.client.describeContinuousBackups(b -> b.tableName("Orders")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);

        var enabled = local.client.updateContinuousBackups(b -> b.tableName("Orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));

        assertThat(enabled.continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    }

    @Test
    void updateTable_shouldSayReplicasAreNotSupported() {
        local.createTable("Orders", null, null);

        assertThatThrownBy(() -> local.client.updateTable(b -> b.tableName("Orders").replicaUpdates(
                software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate.builder()
                        .create(c -> c.regionName("ap-northeast-3")).build())))
                .hasMessageStartingWith("not supported: global table replicas (ReplicaUpdates)");
    }

    @Test
    void deletionProtection_shouldRefuseDeleteTable_untilSwitchedOff() {
        local.createTable("Orders", null, null);
        local.client.updateTable(b -> b.tableName("Orders").deletionProtectionEnabled(true));

        assertThatThrownBy(() -> local.client.deleteTable(b -> b.tableName("Orders")))
                .hasMessageStartingWith("Resource cannot be deleted as it is currently protected against deletion.");
        local.client.updateTable(b -> b.tableName("Orders").deletionProtectionEnabled(false));
        local.client.deleteTable(b -> b.tableName("Orders"));
        assertThat(local.client.listTables().tableNames()).isEmpty();
    }
}
