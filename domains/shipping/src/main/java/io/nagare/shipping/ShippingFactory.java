package io.nagare.shipping;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.idempotency.IdempotencyStore;
import io.nagare.platform.model.Reference;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Builds the shipping handlers' collaborators from the function's environment, as {@link ShippingDeclarations} declares. */
final class ShippingFactory {

    static final Duration CARRIER_TIMEOUT = Duration.ofSeconds(10);

    private final AwsClients clients;
    private final FunctionEnvironment env;
    private final DynamoDbClient dynamoDb;
    private final Clock clock = Clock.systemUTC();

    private ShippingFactory(AwsClients clients) {
        this.clients = clients;
        this.env = clients.environment();
        this.dynamoDb = clients.dynamoDb();
    }

    static ShippingFactory create(AwsClients clients) {
        return new ShippingFactory(clients);
    }

    ShipmentRequests requests() {
        return new ShipmentRequests(shipments(dynamoDb, table(ShippingDeclarations.SHIPMENTS_TABLE), clock),
                HttpCarrierApi.create(URI.create(env.require(ShippingDeclarations.CARRIER_URL)), CARRIER_TIMEOUT),
                env.require(ShippingDeclarations.CARRIER_ID),
                idempotency(new DynamoDbIdempotencyStore(dynamoDb, table(ShippingDeclarations.IDEMPOTENCY_TABLE)), clock),
                new ShippingEvents(EventPublisher.create(clients.eventBridge(),
                        env.require(Reference.bus(ShippingDeclarations.BUS).environmentVariable()))),
                outcomes(), clock);
    }

    CarrierCallbacks callbacks() {
        return new CarrierCallbacks(shipments(dynamoDb, table(ShippingDeclarations.SHIPMENTS_TABLE), clock), outcomes(),
                clock);
    }

    static ShipmentRepository shipments(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        return new ShipmentRepository(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb)
                .extensions(VersionedRecordExtension.builder().build()).build(), tableName, clock);
    }

    /** In progress for longer than the function's timeout, so a crashed attempt stops blocking soon after. */
    static Idempotency idempotency(IdempotencyStore store, Clock clock) {
        return Idempotency.builder(store).clock(clock).objectMapper(ShippingJson.MAPPER)
                .inProgressTimeout(Duration.ofSeconds(ShippingDeclarations.FUNCTION_TIMEOUT_SECONDS + 30)).build();
    }

    private ShipmentOutcomes outcomes() {
        return new ShipmentOutcomes(new TaskCallbacks(clients.build(SfnClient.builder())));
    }

    private String table(String name) {
        return env.require(Reference.table(name).environmentVariable());
    }
}
