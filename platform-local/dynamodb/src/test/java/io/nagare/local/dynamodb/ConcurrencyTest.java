package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.key;
import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class ConcurrencyTest {

    @Test
    void transactions_shouldConserveTheTotal_whenManyRunAtOnce(@TempDir Path dataDir) throws Exception {
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir)) {
            local.createTable("Accounts", null, null);
            for (String account : List.of("a", "b", "c")) {
                local.client.putItem(r -> r.tableName("Accounts").item(Map.of("pk", s(account), "balance", n("10"))));
            }
            AtomicInteger committed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String from = List.of("a", "b", "c").get((offset + i) % 3);
                        String to = List.of("a", "b", "c").get((offset + i + 1) % 3);
                        try {
                            local.client.transactWriteItems(r -> r.transactItems(move(from, "-"), move(to, "+")));
                            committed.incrementAndGet();
                        } catch (TransactionCanceledException expected) {
                            // The source account was empty: nothing moved.
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            int total = 0;
            for (String account : List.of("a", "b", "c")) {
                int balance = Integer.parseInt(local.client.getItem(r -> r.tableName("Accounts").key(key(account)))
                        .item().get("balance").n());
                assertThat(balance).isNotNegative();
                total += balance;
            }
            assertThat(total).isEqualTo(30);
            assertThat(committed.get()).isPositive();
        }
    }

    @Test
    void conditionalUpdates_shouldLetExactlyOneWriterWinEachVersion(@TempDir Path dataDir) throws Exception {
        try (LocalDynamoDb local = LocalDynamoDb.on(dataDir)) {
            local.createTable("Counters", null, null);
            local.client.putItem(r -> r.tableName("Counters").item(Map.of("pk", s("c"), "version", n("0"))));
            AtomicInteger wins = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String seen = local.client.getItem(r -> r.tableName("Counters").key(key("c")))
                                .item().get("version").n();
                        try {
                            local.client.updateItem(r -> r.tableName("Counters").key(key("c"))
                                    .updateExpression("SET version = version + :one").conditionExpression("version = :seen")
                                    .expressionAttributeValues(Map.of(":one", n("1"), ":seen", n(seen))));
                            wins.incrementAndGet();
                        } catch (ConditionalCheckFailedException lost) {
                            // Another writer bumped this version first.
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            assertThat(local.client.getItem(r -> r.tableName("Counters").key(key("c"))).item().get("version").n())
                    .isEqualTo(String.valueOf(wins.get()));
        }
    }

    private static TransactWriteItem move(String account, String sign) {
        String condition = sign.equals("-") ? "balance >= :one" : "attribute_exists(pk)";
        return TransactWriteItem.builder().update(u -> u.tableName("Accounts").key(key(account))
                .updateExpression("SET balance = balance " + sign + " :one").conditionExpression(condition)
                .expressionAttributeValues(Map.of(":one", n("1")))).build();
    }
}
