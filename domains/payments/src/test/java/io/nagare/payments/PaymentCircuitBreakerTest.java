package io.nagare.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nagare.platform.circuitbreaker.CircuitBreaker;
import io.nagare.platform.circuitbreaker.CircuitState;
import io.nagare.platform.circuitbreaker.DynamoDbCircuitBreakerStore;
import io.nagare.platform.events.EventPublisher;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The breaker around the provider, shared through the {@code payments-circuit-breakers} table by every instance: each
 * test runs several "Lambda instances" (services with breakers of their own) over one local DynamoDB.
 */
class PaymentCircuitBreakerTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    private final LocalTables.MutableClock clock = new LocalTables.MutableClock(Instant.parse("2026-11-28T09:15:00Z"));
    private final AtomicInteger orders = new AtomicInteger();
    private LocalTables tables;

    @BeforeEach
    void start() {
        tables = new LocalTables();
    }

    @AfterEach
    void stop() {
        tables.close();
    }

    private DynamoDbCircuitBreakerStore store() {
        return new DynamoDbCircuitBreakerStore(tables.dynamoDb, PaymentsDeclarations.CIRCUIT_BREAKER_TABLE);
    }

    /** One Lambda instance of a payment step: its own breaker object over the shared table. */
    private PaymentService instance(PaymentGateway provider) {
        return new PaymentService(
                new PaymentRepository(PaymentServiceFactory.enhanced(tables.dynamoDb), PaymentsDeclarations.PAYMENTS_TABLE),
                new CircuitProtectedPaymentGateway(provider, PaymentServiceFactory.breaker(store(), clock)),
                PaymentServiceFactory.idempotency(
                        new DynamoDbIdempotencyStore(tables.dynamoDb, PaymentsDeclarations.IDEMPOTENCY_TABLE), clock),
                new PaymentEvents(new EventPublisher(new RecordingEventBridge(), "nagare", REGISTRY, clock)),
                clock);
    }

    private PaymentService.AuthorizeInput order() {
        return order("c-" + orders.get());
    }

    private PaymentService.AuthorizeInput order(String customerId) {
        return new PaymentService.AuthorizeInput("o-" + orders.incrementAndGet(), customerId, new BigDecimal("12.00"),
                "EUR");
    }

    private CircuitState state() {
        CircuitBreaker reader = PaymentServiceFactory.breaker(store(), clock);
        return reader.state();
    }

    @Test
    void authorize_shouldFailFastWithoutCallingTheProvider_whenOutagesReachTheThreshold() {
        FakeGateway provider = new FakeGateway();
        provider.outage = true;
        PaymentService a = instance(provider);
        PaymentService b = instance(provider);

        for (int i = 0; i < 5; i++) {
            PaymentService step = i % 2 == 0 ? a : b;
            assertThatThrownBy(() -> step.authorize(order())).isInstanceOf(PaymentProviderUnavailableException.class);
        }
        assertThat(provider.calls).hasValue(5);

        assertThatThrownBy(() -> b.authorize(order())).isInstanceOf(PaymentCircuitOpenException.class)
                .hasMessageStartingWith("payment authorize not attempted: circuit 'payment-gateway' is OPEN until "
                        + "2026-11-28T09:15:30Z");
        assertThat(provider.calls).hasValue(5);
        assertThat(state()).isEqualTo(CircuitState.OPEN);
        assertThat(PaymentCircuitOpenException.ERROR_TYPE).isEqualTo(PaymentCircuitOpenException.class.getName());
        assertThat(PaymentProviderUnavailableException.ERROR_TYPE)
                .isEqualTo(PaymentProviderUnavailableException.class.getName());
    }

    @Test
    void authorize_shouldNotCountDeclines_whenTheProviderIsHealthy() {
        FakeGateway provider = new FakeGateway();
        provider.declineReason = "CARD_EXPIRED";
        PaymentService step = instance(provider);

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> step.authorize(order())).isInstanceOf(PaymentDeclinedException.class);
        }
        assertThat(provider.calls).hasValue(8);
        assertThat(state()).isEqualTo(CircuitState.CLOSED);
        assertThat(store().read(PaymentServiceFactory.CIRCUIT)).isEmpty();
    }

    @Test
    void authorize_shouldOpenForEveryInstance_whenConcurrentInstancesMeetTheOutage() throws Exception {
        FakeGateway provider = new FakeGateway();
        provider.outage = true;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                PaymentService step = instance(provider);
                PaymentService.AuthorizeInput input = order();
                results.add(threads.submit(() -> {
                    try {
                        step.authorize(input);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            int unavailable = 0;
            for (Future<Throwable> result : results) {
                Throwable failure = result.get(30, TimeUnit.SECONDS);
                assertThat(failure).isInstanceOfAny(PaymentProviderUnavailableException.class,
                        PaymentCircuitOpenException.class);
                unavailable += failure instanceof PaymentProviderUnavailableException ? 1 : 0;
            }
            assertThat(provider.calls.get()).isEqualTo(unavailable).isGreaterThanOrEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
        int before = provider.calls.get();
        assertThatThrownBy(() -> instance(provider).authorize(order())).isInstanceOf(PaymentCircuitOpenException.class);
        assertThat(provider.calls).hasValue(before);
        assertThat(state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void authorize_shouldLetExactlyOneProbeThrough_whenTheOpenDurationHasPassed() throws Exception {
        FakeGateway failing = new FakeGateway();
        failing.outage = true;
        PaymentService opener = instance(failing);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> opener.authorize(order())).isInstanceOf(PaymentProviderUnavailableException.class);
        }
        clock.advance(Duration.ofSeconds(30));

        int instances = 6;
        CountDownLatch refused = new CountDownLatch(instances - 1);
        FakeGateway recovered = new FakeGateway() {
            @Override
            void reach() {
                super.reach();
                try {
                    // the probe holds its lease until every other instance has been turned away
                    assertThat(refused.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                PaymentService step = instance(recovered);
                PaymentService.AuthorizeInput input = order();
                results.add(threads.submit(() -> {
                    try {
                        return step.authorize(input).paymentId();
                    } catch (PaymentCircuitOpenException e) {
                        refused.countDown();
                        return "refused";
                    }
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> result : results) {
                answers.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).filteredOn("refused"::equals).hasSize(instances - 1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(recovered.calls).hasValue(1);
        assertThat(state()).isEqualTo(CircuitState.CLOSED);
        instance(recovered).authorize(order());
        assertThat(recovered.calls).hasValue(2);
    }

    @Test
    void authorize_shouldOpenAgain_whenTheProbeFails() {
        FakeGateway provider = new FakeGateway();
        provider.outage = true;
        PaymentService step = instance(provider);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> step.authorize(order())).isInstanceOf(PaymentProviderUnavailableException.class);
        }
        clock.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> step.authorize(order())).isInstanceOf(PaymentProviderUnavailableException.class);
        assertThat(provider.calls).hasValue(6);
        assertThatThrownBy(() -> step.authorize(order())).isInstanceOf(PaymentCircuitOpenException.class);
        assertThat(provider.calls).hasValue(6);
    }
}
