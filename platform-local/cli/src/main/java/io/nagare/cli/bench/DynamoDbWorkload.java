package io.nagare.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The benchmark's table and operations: items {@code i} live in partition {@code p<i/10>} with sort key
 * {@code i%10}, so GetItem and PutItem hit random items and Query reads one random ten-item partition.
 */
final class DynamoDbWorkload {

    enum Operation { GET_ITEM, PUT_ITEM, QUERY }

    private static final int PARTITION_SIZE = 10;
    private static final String PAYLOAD = "x".repeat(100);

    private final DynamoDbClient client;
    private final String table;
    private final int items;
    private final int queryPercent;

    DynamoDbWorkload(DynamoDbClient client, String table, int items, int queryPercent) {
        this.client = client;
        this.table = table;
        this.items = items;
        this.queryPercent = queryPercent;
    }

    /** Recreates the table and writes every item with BatchWriteItem from {@code threads} threads. */
    void load(int threads) {
        try {
            client.deleteTable(b -> b.tableName(table));
            client.waiter().waitUntilTableNotExists(b -> b.tableName(table));
        } catch (ResourceNotFoundException absent) {
            // Nothing to remove.
        }
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        client.waiter().waitUntilTableExists(b -> b.tableName(table));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int start = 0; start < items; start += 25) {
                int from = start;
                batches.add(pool.submit(() -> writeBatch(from, Math.min(items, from + 25))));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("loading the table failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeBatch(int from, int to) {
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Map<String, AttributeValue> item = item(i, 0);
            requests.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            pending = client.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems();
        }
    }

    Operation next() {
        int roll = ThreadLocalRandom.current().nextInt(100);
        if (roll < queryPercent) {
            return Operation.QUERY;
        }
        return ThreadLocalRandom.current().nextBoolean() ? Operation.GET_ITEM : Operation.PUT_ITEM;
    }

    /** Runs one operation through the SDK, or over {@code http} when it is not null. */
    void execute(Operation operation, DynamoDbHttpConnection http) {
        int i = ThreadLocalRandom.current().nextInt(items);
        if (http != null) {
            executeRaw(operation, http, i);
            return;
        }
        switch (operation) {
            case GET_ITEM -> client.getItem(b -> b.tableName(table).key(key(i)));
            case PUT_ITEM -> client.putItem(b -> b.tableName(table).item(item(i, System.nanoTime())));
            case QUERY -> client.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition(i)))).limit(PARTITION_SIZE));
        }
    }

    private void executeRaw(Operation operation, DynamoDbHttpConnection http, int i) {
        String key = "\"pk\":{\"S\":\"" + partition(i) + "\"},\"sk\":{\"N\":\"" + i % PARTITION_SIZE + "\"}";
        switch (operation) {
            case GET_ITEM -> http.call("GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{" + key + "}}");
            case PUT_ITEM -> http.call("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{" + key
                    + ",\"payload\":{\"S\":\"" + PAYLOAD + "\"},\"version\":{\"N\":\"" + System.nanoTime() + "\"}}}");
            case QUERY -> http.call("Query", "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\","
                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"" + partition(i) + "\"}},\"Limit\":"
                    + PARTITION_SIZE + "}");
        }
    }

    private static Map<String, AttributeValue> key(int i) {
        return Map.of("pk", AttributeValue.fromS(partition(i)),
                "sk", AttributeValue.fromN(Integer.toString(i % PARTITION_SIZE)));
    }

    private static Map<String, AttributeValue> item(int i, long version) {
        return Map.of("pk", AttributeValue.fromS(partition(i)),
                "sk", AttributeValue.fromN(Integer.toString(i % PARTITION_SIZE)),
                "payload", AttributeValue.fromS(PAYLOAD),
                "version", AttributeValue.fromN(Long.toString(version)));
    }

    private static String partition(int i) {
        return "p" + (i / PARTITION_SIZE);
    }
}
