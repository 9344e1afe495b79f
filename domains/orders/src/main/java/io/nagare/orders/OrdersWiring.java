package io.nagare.orders;

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
import software.amazon.awssdk.services.sfn.SfnClient;

/** Builds the handlers' collaborators from the function's environment (the names the model gives it). */
final class OrdersWiring {

    static final String ORDERS_TABLE = "orders";
    static final String IDEMPOTENCY_TABLE = "orders-idempotency";
    static final String INTAKE_QUEUE = "order-intake";
    static final String INTAKE_DLQ = "order-intake-dlq";
    static final String BUS = "nagare";
    static final String SAGA = "order-fulfilment";

    /**
     * The steps' 30 s timeout plus a margin: Lambda ends an attempt by then, so a crashed attempt blocks the saga's
     * retries (which it answers with IdempotencyInProgressException) only briefly.
     */
    static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(45);

    private OrdersWiring() {
    }

    static OrderIntake intake(AwsClients clients) {
        FunctionEnvironment environment = clients.environment();
        SfnClient stepFunctions = clients.build(SfnClient.builder());
        return new OrderIntake(orders(clients.dynamoDb(), environment),
                new SagaStarter(stepFunctions, environment.require(Reference.saga(SAGA).environmentVariable())),
                Clock.systemUTC());
    }

    /** The steps of confirm-order and cancel-order, which publish to the bus. */
    static OrderSteps steps(AwsClients clients) {
        EventPublisher publisher = EventPublisher.create(clients.eventBridge(),
                clients.environment().require(Reference.bus(BUS).environmentVariable()));
        return steps(clients, new OrderEvents(publisher));
    }

    /** The steps of validate-order, which publishes nothing and so has no bus variable. */
    static OrderSteps validation(AwsClients clients) {
        return steps(clients, OrderEvents.none(OrderSteps.VALIDATE));
    }

    private static OrderSteps steps(AwsClients clients, OrderEvents events) {
        FunctionEnvironment environment = clients.environment();
        DynamoDbClient dynamoDb = clients.dynamoDb();
        Idempotency idempotency = Idempotency.builder(
                        DynamoDbIdempotencyStore.fromEnvironment(dynamoDb, environment, IDEMPOTENCY_TABLE))
                .inProgressTimeout(IN_PROGRESS_TIMEOUT)
                .objectMapper(EventJson.mapper())
                .build();
        return new OrderSteps(orders(dynamoDb, environment), idempotency, events, Clock.systemUTC());
    }

    private static OrderRepository orders(DynamoDbClient dynamoDb, FunctionEnvironment environment) {
        return new OrderRepository(dynamoDb, environment.require(Reference.table(ORDERS_TABLE).environmentVariable()));
    }
}
