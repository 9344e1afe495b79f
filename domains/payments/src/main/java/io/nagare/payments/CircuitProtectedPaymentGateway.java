package io.nagare.payments;

import java.util.Objects;
import java.util.function.Supplier;

import io.nagare.platform.circuitbreaker.CircuitBreaker;
import io.nagare.platform.circuitbreaker.CircuitOpenException;

/**
 * The payment gateway behind a shared circuit breaker. Only {@link PaymentProviderUnavailableException} counts as a
 * failure: a decline or a refused request is the provider working. An open circuit becomes
 * {@link PaymentCircuitOpenException} without a call.
 */
final class CircuitProtectedPaymentGateway implements PaymentGateway {

    private final PaymentGateway gateway;
    private final CircuitBreaker breaker;

    CircuitProtectedPaymentGateway(PaymentGateway gateway, CircuitBreaker breaker) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    /** The breaker settings to use with this gateway: count only provider outages. */
    static CircuitBreaker.Builder countingOutages(CircuitBreaker.Builder builder) {
        return builder.recordFailure(e -> e instanceof PaymentProviderUnavailableException);
    }

    @Override
    public Authorization authorize(AuthorizationRequest request, String idempotencyKey) {
        return protect("authorize", () -> gateway.authorize(request, idempotencyKey));
    }

    @Override
    public void capture(String authorizationId, String idempotencyKey) {
        protect("capture", () -> {
            gateway.capture(authorizationId, idempotencyKey);
            return null;
        });
    }

    @Override
    public void voidAuthorization(String authorizationId, String idempotencyKey) {
        protect("void", () -> {
            gateway.voidAuthorization(authorizationId, idempotencyKey);
            return null;
        });
    }

    @Override
    public String refund(String authorizationId, String idempotencyKey) {
        return protect("refund", () -> gateway.refund(authorizationId, idempotencyKey));
    }

    private <T> T protect(String operation, Supplier<T> call) {
        try {
            return breaker.call(call);
        } catch (CircuitOpenException e) {
            throw new PaymentCircuitOpenException("payment " + operation, e);
        }
    }
}
