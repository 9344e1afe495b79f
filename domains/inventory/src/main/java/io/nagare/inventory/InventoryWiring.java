package io.nagare.inventory;

import java.time.Clock;
import java.time.Duration;

import io.nagare.events.EventJson;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.model.Reference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the handlers' collaborators from the function's environment (table and bus names the model gives it). */
final class InventoryWiring {

    static final String INVENTORY_TABLE = "inventory";
    static final String RESERVATIONS_TABLE = "inventory-reservations";
    static final String IDEMPOTENCY_TABLE = "inventory-idempotency";
    static final String BUS = "nagare";

    /** Kept far longer than any order-fulfilment saga runs, so a reservation outlives its order's process. */
    static final Duration RESERVATION_RETENTION = Duration.ofDays(30);
    /**
     * The steps' 30 s timeout plus a margin: Lambda ends an attempt by then, so a crashed attempt blocks the saga's
     * retries (which it answers with IdempotencyInProgressException) only briefly.
     */
    static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(45);

    private InventoryWiring() {
    }

    static StockReservations reservations(AwsClients clients) {
        FunctionEnvironment environment = clients.environment();
        DynamoDbClient dynamoDb = clients.dynamoDb();
        Idempotency idempotency = Idempotency.builder(
                        DynamoDbIdempotencyStore.fromEnvironment(dynamoDb, environment, IDEMPOTENCY_TABLE))
                .inProgressTimeout(IN_PROGRESS_TIMEOUT)
                .objectMapper(EventJson.mapper())
                .build();
        EventPublisher publisher = EventPublisher.create(clients.eventBridge(),
                environment.require(Reference.bus(BUS).environmentVariable()));
        return new StockReservations(store(dynamoDb, environment), idempotency, new InventoryEvents(publisher),
                OptimisticRetry.withJitter(), Clock.systemUTC(), RESERVATION_RETENTION);
    }

    static Restocking restocking(AwsClients clients) {
        return new Restocking(store(clients.dynamoDb(), clients.environment()), OptimisticRetry.withJitter(),
                Clock.systemUTC());
    }

    private static InventoryStore store(DynamoDbClient dynamoDb, FunctionEnvironment environment) {
        return new InventoryStore(dynamoDb,
                environment.require(Reference.table(INVENTORY_TABLE).environmentVariable()),
                environment.require(Reference.table(RESERVATIONS_TABLE).environmentVariable()));
    }
}
