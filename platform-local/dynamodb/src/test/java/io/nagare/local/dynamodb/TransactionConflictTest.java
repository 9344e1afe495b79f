package io.nagare.local.dynamodb;

import static io.nagare.local.dynamodb.ItemOperationsTest.key;
import static io.nagare.local.dynamodb.ItemOperationsTest.n;
import static io.nagare.local.dynamodb.ItemOperationsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** An item inside a running transaction is not waited for, as in DynamoDB: the other request fails at once. */
class TransactionConflictTest {

    @Test
    void writesAndTransactions_shouldConflict_whileATransactionHoldsTheItem() throws Exception {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Stock", null, null);
            local.client.putItem(b -> b.tableName("Stock").item(Map.of("pk", s("apple"), "qty", n("1"))));
            DynamoDbService service = local.runtime.service(DynamoDbService.class).orElseThrow();
            Table table = service.database().catalog().require("Stock");
            ItemLocks locks = service.database().writes().locks();
            ItemLocks.Item apple = item(table, "apple");
            try (HeldTransaction transaction = new HeldTransaction(locks, apple)) {
                assertThatThrownBy(() -> local.client.putItem(b -> b.tableName("Stock")
                        .item(Map.of("pk", s("apple"), "qty", n("2")))))
                        .isInstanceOf(TransactionConflictException.class)
                        .hasMessageStartingWith("Transaction is ongoing for the item");
                assertThatThrownBy(() -> local.client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName("Stock").item(Map.of("pk", s("pear")))).build(),
                        TransactWriteItem.builder().delete(d -> d.tableName("Stock").key(key("apple"))).build())))
                        .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
                                assertThat(e.cancellationReasons()).extracting(r -> r.code())
                                        .containsExactly("None", "TransactionConflict"));
                assertThatThrownBy(() -> local.client.transactGetItems(b -> b.transactItems(
                        TransactGetItem.builder().get(g -> g.tableName("Stock").key(key("apple"))).build())))
                        .isInstanceOf(TransactionCanceledException.class);
            }
            assertThat(local.client.getItem(b -> b.tableName("Stock").key(key("apple"))).item().get("qty"))
                    .isEqualTo(n("1"));
            assertThat(local.client.getItem(b -> b.tableName("Stock").key(key("pear"))).hasItem()).isFalse();
        }
    }

    @Test
    void putItem_shouldWaitAndSucceed_whenOnlyAnotherItemOfItsLockStripeIsInATransaction() throws Exception {
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            local.createTable("Stock", null, null);
            DynamoDbService service = local.runtime.service(DynamoDbService.class).orElseThrow();
            Table table = service.database().catalog().require("Stock");
            ItemLocks locks = service.database().writes().locks();
            ItemLocks.Item apple = item(table, "apple");
            String neighbour = IntStream.range(0, 1_000_000).mapToObj(i -> "k" + i)
                    .filter(k -> item(table, k).stripe() == apple.stripe()).findFirst().orElseThrow();
            CompletableFuture<?> put;
            try (HeldTransaction transaction = new HeldTransaction(locks, apple)) {
                put = CompletableFuture.runAsync(() -> local.client.putItem(b -> b.tableName("Stock")
                        .item(Map.of("pk", s(neighbour), "qty", n("3")))));
                while (locks.waiting(apple) == 0 && !put.isDone()) {
                    Thread.onSpinWait();
                }
                assertThat(put).as("a write to another item of the stripe waits; it does not conflict").isNotDone();
            }
            put.get();
            assertThat(local.client.getItem(b -> b.tableName("Stock").key(key(neighbour))).item().get("qty"))
                    .isEqualTo(n("3"));
        }
    }

    private static ItemLocks.Item item(Table table, String pk) {
        return new ItemLocks.Item(table.definition().id(), table.storageKey(
                Map.of("pk", io.nagare.local.dynamodb.internal.item.AttributeValue.string(pk))));
    }

    /** A transaction holding one item on a thread of its own until closed. */
    private static final class HeldTransaction implements AutoCloseable {
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;

        HeldTransaction(ItemLocks locks, ItemLocks.Item item) throws InterruptedException {
            CountDownLatch held = new CountDownLatch(1);
            thread = new Thread(() -> {
                try (ItemLocks.Held lock = locks.lockTransaction(List.of(item))) {
                    held.countDown();
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            held.await();
        }

        @Override
        public void close() throws InterruptedException {
            done.countDown();
            thread.join();
        }
    }
}
