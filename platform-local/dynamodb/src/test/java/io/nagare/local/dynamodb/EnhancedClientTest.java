package io.nagare.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class EnhancedClientTest {

    private final LocalDynamoDb local = LocalDynamoDb.inMemory();
    private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(local.client)
            .extensions(VersionedRecordExtension.builder().build()).build();

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void beanTable_shouldRoundTrip_andLockOptimisticallyOnTheVersion() {
        DynamoDbTable<Customer> customers = customers();
        customers.putItem(customer("c1", "GOLD", 10));

        Customer first = customers.getItem(Key.builder().partitionValue("c1").build());
        Customer stale = customers.getItem(Key.builder().partitionValue("c1").build());
        first.setScore(11);
        customers.updateItem(first);

        assertThat(customers.getItem(Key.builder().partitionValue("c1").build()).getVersion()).isEqualTo(2L);
        stale.setScore(99);
        assertThatThrownBy(() -> customers.updateItem(stale)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(customers.getItem(Key.builder().partitionValue("c1").build()).getScore()).isEqualTo(11);
    }

    @Test
    void beanTable_shouldRefuseAConditionalPut_whenTheConditionFails() {
        DynamoDbTable<Customer> customers = customers();
        customers.putItem(customer("c1", "GOLD", 10));

        Customer other = customer("c1", "SILVER", 1);
        other.setVersion(1L);
        Expression onlyNew = Expression.builder().expression("attribute_not_exists(id)").build();
        assertThatThrownBy(() -> customers.putItem(PutItemEnhancedRequest.builder(Customer.class).item(other)
                .conditionExpression(onlyNew).build())).isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void globalIndex_shouldBeQueriedPageByPage_inSortKeyOrder() {
        DynamoDbTable<Customer> customers = customers();
        for (int i = 0; i < 7; i++) {
            customers.putItem(customer("gold-" + i, "GOLD", 100 - i));
        }
        customers.putItem(customer("silver-1", "SILVER", 50));
        DynamoDbIndex<Customer> byStatus = customers.index("byStatus");

        List<Page<Customer>> pages = byStatus.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue("GOLD").build()))
                .limit(3).build()).stream().collect(Collectors.toList());

        List<Integer> scores = pages.stream().flatMap(page -> page.items().stream()).map(Customer::getScore).toList();
        assertThat(scores).containsExactly(94, 95, 96, 97, 98, 99, 100);
        assertThat(pages.get(0).items()).hasSize(3);
        assertThat(pages.get(0).lastEvaluatedKey()).containsKeys("id", "status", "score");
    }

    @Test
    void immutableTable_shouldRoundTrip_andTransactWritesShouldBeAllOrNothing() {
        DynamoDbTable<OrderLine> lines = enhanced.table("OrderLines", TableSchema.fromImmutableClass(OrderLine.class));
        lines.createTable();
        DynamoDbTable<Customer> customers = customers();
        customers.putItem(customer("c1", "GOLD", 10));

        enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(lines, OrderLine.builder().orderId("o1").line(1).sku("apple").quantity(2).build())
                .addPutItem(lines, OrderLine.builder().orderId("o1").line(2).sku("pear").quantity(1).build())
                .build());
        Expression goldOnly = Expression.builder().expression("#s = :s").putExpressionName("#s", "status")
                .putExpressionValue(":s", AttributeValue.fromS("PLATINUM")).build();
        assertThatThrownBy(() -> enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(lines, OrderLine.builder().orderId("o1").line(3).sku("plum").quantity(5).build())
                .addConditionCheck(customers, c -> c.key(Key.builder().partitionValue("c1").build())
                        .conditionExpression(goldOnly))
                .build())).isInstanceOf(TransactionCanceledException.class);

        List<OrderLine> stored = lines.query(QueryConditional.keyEqualTo(Key.builder().partitionValue("o1").build()))
                .items().stream().toList();
        assertThat(stored).extracting(OrderLine::sku).containsExactly("apple", "pear");
    }

    private DynamoDbTable<Customer> customers() {
        DynamoDbTable<Customer> table = enhanced.table("Customers", TableSchema.fromBean(Customer.class));
        table.createTable(r -> r.globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName("byStatus")
                .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        return table;
    }

    private static Customer customer(String id, String status, int score) {
        Customer customer = new Customer();
        customer.setId(id);
        customer.setStatus(status);
        customer.setScore(score);
        return customer;
    }

    /** A mutable bean, as many handlers declare them. */
    @DynamoDbBean
    public static class Customer {
        private String id;
        private String status;
        private Integer score;
        private Long version;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        @DynamoDbSecondaryPartitionKey(indexNames = "byStatus")
        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        @DynamoDbSecondarySortKey(indexNames = "byStatus")
        public Integer getScore() {
            return score;
        }

        public void setScore(Integer score) {
            this.score = score;
        }

        @DynamoDbVersionAttribute
        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    /** An immutable value with a builder, as the platform prefers. */
    @DynamoDbImmutable(builder = OrderLine.Builder.class)
    public static final class OrderLine {
        private final String orderId;
        private final int line;
        private final String sku;
        private final int quantity;

        private OrderLine(Builder builder) {
            this.orderId = builder.orderId;
            this.line = builder.line;
            this.sku = builder.sku;
            this.quantity = builder.quantity;
        }

        public static Builder builder() {
            return new Builder();
        }

        @DynamoDbPartitionKey
        public String orderId() {
            return orderId;
        }

        @DynamoDbSortKey
        public int line() {
            return line;
        }

        public String sku() {
            return sku;
        }

        public int quantity() {
            return quantity;
        }

        public static final class Builder {
            private String orderId;
            private int line;
            private String sku;
            private int quantity;

            public Builder orderId(String orderId) {
                this.orderId = orderId;
                return this;
            }

            public Builder line(int line) {
                this.line = line;
                return this;
            }

            public Builder sku(String sku) {
                this.sku = sku;
                return this;
            }

            public Builder quantity(int quantity) {
                this.quantity = quantity;
                return this;
            }

            public OrderLine build() {
                return new OrderLine(this);
            }
        }
    }
}
