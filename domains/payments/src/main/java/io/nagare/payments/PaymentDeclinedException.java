package io.nagare.payments;

/**
 * The payment provider declined the authorization: a business answer, never retried by the saga, and not a failure of
 * the provider (the circuit breaker does not count it). Its message is the normalized decline reason
 * ({@code INSUFFICIENT_FUNDS}, ...), which Step Functions passes on as the error's cause.
 */
public class PaymentDeclinedException extends RuntimeException {

    /** The error name a Step Functions Catch matches (the class name a Java Lambda reports). */
    public static final String ERROR_TYPE = "io.nagare.payments.PaymentDeclinedException";

    private static final long serialVersionUID = 1L;

    private final String declineReason;
    private final String providerDeclineCode;

    public PaymentDeclinedException(String declineReason, String providerDeclineCode) {
        super(declineReason);
        this.declineReason = declineReason;
        this.providerDeclineCode = providerDeclineCode;
    }

    /** The normalized reason, one of PaymentDeclined's {@code declineReason} values. */
    public String declineReason() {
        return declineReason;
    }

    /** The provider's raw code, or null. */
    public String providerDeclineCode() {
        return providerDeclineCode;
    }
}
