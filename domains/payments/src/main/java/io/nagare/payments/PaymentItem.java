package io.nagare.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One item of the {@code payments} table: the payment of one order (key {@code orderId}). {@code version} is the
 * optimistic lock ({@code VersionedRecordExtension}); {@code history} lists the transitions as {@code STATUS@instant}.
 * Payment records do not expire: they are financial records.
 */
@DynamoDbBean
public class PaymentItem {

    private String orderId;
    private String paymentId;
    private String customerId;
    private String authorizationId;
    private String authorizationCode;
    private String status;
    private BigDecimal amount;
    private String currency;
    private String declineReason;
    private String providerDeclineCode;
    private String refundId;
    private Instant authorizedAt;
    private Instant captureRequestedAt;
    private Instant capturedAt;
    private Instant voidedAt;
    private Instant refundedAt;
    private Instant declinedAt;
    private List<String> history = new ArrayList<>();
    private Long version;
    private Instant updatedAt;

    @DynamoDbPartitionKey
    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getAuthorizationId() {
        return authorizationId;
    }

    public void setAuthorizationId(String authorizationId) {
        this.authorizationId = authorizationId;
    }

    public String getAuthorizationCode() {
        return authorizationCode;
    }

    public void setAuthorizationCode(String authorizationCode) {
        this.authorizationCode = authorizationCode;
    }

    /** The {@link PaymentStatus} name (the enum stays package-private). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    PaymentStatus status() {
        return PaymentStatus.valueOf(status);
    }

    @DynamoDbConvertedBy(ExactDecimalConverter.class)
    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public void setDeclineReason(String declineReason) {
        this.declineReason = declineReason;
    }

    public String getProviderDeclineCode() {
        return providerDeclineCode;
    }

    public void setProviderDeclineCode(String providerDeclineCode) {
        this.providerDeclineCode = providerDeclineCode;
    }

    public String getRefundId() {
        return refundId;
    }

    public void setRefundId(String refundId) {
        this.refundId = refundId;
    }

    public Instant getAuthorizedAt() {
        return authorizedAt;
    }

    public void setAuthorizedAt(Instant authorizedAt) {
        this.authorizedAt = authorizedAt;
    }

    /** When a capture was first asked of the provider: its answer may have been lost (see refund-payment). */
    public Instant getCaptureRequestedAt() {
        return captureRequestedAt;
    }

    public void setCaptureRequestedAt(Instant captureRequestedAt) {
        this.captureRequestedAt = captureRequestedAt;
    }

    public Instant getCapturedAt() {
        return capturedAt;
    }

    public void setCapturedAt(Instant capturedAt) {
        this.capturedAt = capturedAt;
    }

    public Instant getVoidedAt() {
        return voidedAt;
    }

    public void setVoidedAt(Instant voidedAt) {
        this.voidedAt = voidedAt;
    }

    public Instant getRefundedAt() {
        return refundedAt;
    }

    public void setRefundedAt(Instant refundedAt) {
        this.refundedAt = refundedAt;
    }

    public Instant getDeclinedAt() {
        return declinedAt;
    }

    public void setDeclinedAt(Instant declinedAt) {
        this.declinedAt = declinedAt;
    }

    public List<String> getHistory() {
        return history;
    }

    public void setHistory(List<String> history) {
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** A new payment in one of the initial states. */
    static PaymentItem start(String orderId, PaymentStatus status, Instant at) {
        if (!PaymentStatus.INITIAL.contains(status)) {
            throw new IllegalPaymentTransitionException(orderId, "(none)", status.name(), PaymentStatus.INITIAL,
                    List.of());
        }
        PaymentItem item = new PaymentItem();
        item.orderId = orderId;
        item.status = status.name();
        item.updatedAt = at;
        item.history.add(status + "@" + at);
        return item;
    }

    /** Moves to {@code next} if the lifecycle allows it. */
    void transition(PaymentStatus next, Instant at) {
        if (!status().canBecome(next)) {
            throw new IllegalPaymentTransitionException(orderId, status, next.name(), status().next(), history);
        }
        status = next.name();
        updatedAt = at;
        history.add(next + "@" + at);
    }
}
