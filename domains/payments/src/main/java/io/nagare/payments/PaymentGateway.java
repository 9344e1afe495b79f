package io.nagare.payments;

import java.math.BigDecimal;

/**
 * The payment provider, as payments sees it. Every call carries an idempotency key: the provider answers a repeated key
 * with the first answer, so a retried step never charges twice.
 *
 * <p>Failures: {@link PaymentDeclinedException} (authorize only: a business answer),
 * {@link PaymentProviderUnavailableException} (outage, throttling, timeout: transient),
 * {@link PaymentGatewayException} (the provider refused the request itself).
 */
interface PaymentGateway {

    Authorization authorize(AuthorizationRequest request, String idempotencyKey);

    void capture(String authorizationId, String idempotencyKey);

    void voidAuthorization(String authorizationId, String idempotencyKey);

    /** Refunds the captured amount in full; returns the provider's refund id. */
    String refund(String authorizationId, String idempotencyKey);

    /** What an authorization asks for; {@code reference} is the order id. */
    record AuthorizationRequest(String reference, BigDecimal amount, String currency, String customerId) {
    }

    /** A granted authorization (a hold on the amount). */
    record Authorization(String authorizationId, String authorizationCode) {
    }
}
