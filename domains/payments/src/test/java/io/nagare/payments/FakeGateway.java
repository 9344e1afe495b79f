package io.nagare.payments;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment provider in memory, idempotent on the key as real providers are: {@link #charges} counts operations that
 * took effect (one per distinct key), {@link #calls} every call that reached it.
 */
class FakeGateway implements PaymentGateway {

    final AtomicInteger calls = new AtomicInteger();
    final Map<String, Object> charges = new ConcurrentHashMap<>();
    volatile String declineReason;
    volatile boolean outage;
    /** The next capture takes effect, but its answer is lost on the way back (a timeout after the provider acted). */
    volatile boolean loseCaptureAnswer;

    @Override
    public Authorization authorize(AuthorizationRequest request, String idempotencyKey) {
        reach();
        if (declineReason != null) {
            throw new PaymentDeclinedException(declineReason, "51");
        }
        return (Authorization) charges.computeIfAbsent(idempotencyKey,
                k -> new Authorization("auth-" + request.reference(), "A" + (charges.size() + 100)));
    }

    @Override
    public void capture(String authorizationId, String idempotencyKey) {
        reach();
        charges.putIfAbsent(idempotencyKey, "captured " + authorizationId);
        if (loseCaptureAnswer) {
            loseCaptureAnswer = false;
            throw new PaymentProviderUnavailableException("payment provider: POST capture timed out after 10000 ms");
        }
    }

    @Override
    public void voidAuthorization(String authorizationId, String idempotencyKey) {
        reach();
        charges.putIfAbsent(idempotencyKey, "voided " + authorizationId);
    }

    @Override
    public String refund(String authorizationId, String idempotencyKey) {
        reach();
        if (!charges.containsValue("captured " + authorizationId)) {
            throw new PaymentGatewayException(409, "payment provider: authorization '" + authorizationId
                    + "' is AUTHORIZED: it cannot be refunded");
        }
        return (String) charges.computeIfAbsent(idempotencyKey, k -> "ref-" + authorizationId);
    }

    long effects(String operation) {
        return charges.keySet().stream().filter(k -> k.endsWith(":" + operation)).count();
    }

    void reach() {
        calls.incrementAndGet();
        if (outage) {
            throw new PaymentProviderUnavailableException("payment provider: answered 503");
        }
    }
}
