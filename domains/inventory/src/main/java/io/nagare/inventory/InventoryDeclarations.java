package io.nagare.inventory;

import io.nagare.events.inventory.v1.InventoryReleased;
import io.nagare.events.inventory.v1.InventoryReservationFailed;
import io.nagare.events.inventory.v1.InventoryReserved;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.TableDeclaration.AttributeType;

/**
 * What the inventory runs: its tables and its three functions. The saga {@code order-fulfilment} invokes
 * reserve-inventory and release-inventory; operators and the demo invoke restock. Tables replicate to Osaka
 * (global tables): every write is conditioned on what it read, so a region never applies a stale read-modify-write;
 * an order's steps run in the region its saga runs in.
 */
public final class InventoryDeclarations implements PlatformDeclarations {

    static final String REPLICA_REGION = "ap-northeast-3";

    @Override
    public String owner() {
        return "inventory";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.table(InventoryWiring.INVENTORY_TABLE, t -> t
                .partitionKey("sku", AttributeType.S)
                .replicaRegions(REPLICA_REGION));
        model.table(InventoryWiring.RESERVATIONS_TABLE, t -> t
                .partitionKey("orderId", AttributeType.S)
                .ttlAttribute("expiresAt")
                .replicaRegions(REPLICA_REGION));
        model.table(InventoryWiring.IDEMPOTENCY_TABLE, t -> DynamoDbIdempotencyStore.declareTable(t)
                .replicaRegions(REPLICA_REGION));

        model.function(StockReservations.RESERVE_STEP, f -> f
                .handler(ReserveInventoryHandler.class)
                .memoryMb(1024)
                .timeoutSeconds(30)
                .readsAndWrites(InventoryWiring.INVENTORY_TABLE, InventoryWiring.RESERVATIONS_TABLE,
                        InventoryWiring.IDEMPOTENCY_TABLE)
                .publishes(InventoryWiring.BUS, InventoryReserved.DETAIL_TYPE, InventoryReservationFailed.DETAIL_TYPE));
        model.function(StockReservations.RELEASE_STEP, f -> f
                .handler(ReleaseInventoryHandler.class)
                .memoryMb(1024)
                .timeoutSeconds(30)
                .readsAndWrites(InventoryWiring.INVENTORY_TABLE, InventoryWiring.RESERVATIONS_TABLE,
                        InventoryWiring.IDEMPOTENCY_TABLE)
                .publishes(InventoryWiring.BUS, InventoryReleased.DETAIL_TYPE));
        model.function(RestockHandler.FUNCTION, f -> f
                .handler(RestockHandler.class)
                .timeoutSeconds(30)
                .readsAndWrites(InventoryWiring.INVENTORY_TABLE)
                // InventoryWiring.restocking builds the InventoryStore, which names both tables.
                .reads(InventoryWiring.RESERVATIONS_TABLE));
    }
}
