package io.nagare.payments;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.circuitbreaker.CircuitBreaker;
import io.nagare.platform.circuitbreaker.CircuitBreakerStore;
import io.nagare.platform.circuitbreaker.DynamoDbCircuitBreakerStore;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.idempotency.IdempotencyStore;
import io.nagare.platform.model.Reference;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds a handler's {@link PaymentService} from the function's environment, as declared in {@link PaymentsDeclarations}. */
final class PaymentServiceFactory {

    /** One breaker for the provider, shared by the four functions and all their instances. */
    static final String CIRCUIT = "payment-gateway";
    static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(10);

    private PaymentServiceFactory() {
    }

    static PaymentService create(AwsClients clients) {
        FunctionEnvironment env = clients.environment();
        DynamoDbClient dynamoDb = clients.dynamoDb();
        Clock clock = Clock.systemUTC();
        PaymentGateway http = HttpPaymentGateway.create(URI.create(env.require(PaymentsDeclarations.GATEWAY_URL)),
                GATEWAY_TIMEOUT, StepJson.MAPPER);
        return new PaymentService(
                new PaymentRepository(enhanced(dynamoDb), env.require(variable(PaymentsDeclarations.PAYMENTS_TABLE))),
                new CircuitProtectedPaymentGateway(http, breaker(new DynamoDbCircuitBreakerStore(dynamoDb,
                        env.require(variable(PaymentsDeclarations.CIRCUIT_BREAKER_TABLE))), clock)),
                idempotency(new DynamoDbIdempotencyStore(dynamoDb,
                        env.require(variable(PaymentsDeclarations.IDEMPOTENCY_TABLE))), clock),
                new PaymentEvents(EventPublisher.create(clients.eventBridge(),
                        env.require(Reference.bus(PaymentsDeclarations.BUS).environmentVariable()))),
                clock);
    }

    static DynamoDbEnhancedClient enhanced(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb)
                .extensions(VersionedRecordExtension.builder().build()).build();
    }

    /** 5 outages in 60 s open the circuit for 30 s; a probe's lease outlasts one gateway call. */
    static CircuitBreaker breaker(CircuitBreakerStore store, Clock clock) {
        return CircuitProtectedPaymentGateway.countingOutages(CircuitBreaker.builder(CIRCUIT, store))
                .clock(clock).failureThreshold(5).window(Duration.ofSeconds(60)).openDuration(Duration.ofSeconds(30))
                .probeTimeout(GATEWAY_TIMEOUT.plusSeconds(5)).build();
    }

    /** In progress for longer than a function's timeout, so a crashed attempt stops blocking soon after. */
    static Idempotency idempotency(IdempotencyStore store, Clock clock) {
        return Idempotency.builder(store).clock(clock).objectMapper(StepJson.MAPPER)
                .inProgressTimeout(Duration.ofSeconds(PaymentsDeclarations.FUNCTION_TIMEOUT_SECONDS + 30)).build();
    }

    private static String variable(String table) {
        return Reference.table(table).environmentVariable();
    }
}
