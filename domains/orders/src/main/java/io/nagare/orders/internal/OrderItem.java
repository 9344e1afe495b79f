package io.nagare.orders.internal;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One item of the {@code orders} table: the order as placed (amounts as decimal text, so {@code 39.80} keeps its
 * scale; the shipping address as the JSON it arrived in), its status and status history, and what confirmation or
 * cancellation added. Public only because the enhanced client's bean schema needs it.
 */
@DynamoDbBean
public class OrderItem {

    private String orderId;
    private String customerId;
    private String currency;
    private String total;
    private java.util.List<OrderLineItem> lines;
    private String shippingAddress;
    private Instant placedAt;
    private String eventId;
    private String status;
    private java.util.List<StatusChangeItem> history;
    private String paymentId;
    private String shipmentId;
    private Instant confirmedAt;
    private String cancellationReason;
    private String cancellationDetail;
    private Instant cancelledAt;
    private Long version;
    private Instant updatedAt;

    @DynamoDbPartitionKey
    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getTotal() {
        return total;
    }

    public void setTotal(String total) {
        this.total = total;
    }

    public java.util.List<OrderLineItem> getLines() {
        return lines;
    }

    public void setLines(java.util.List<OrderLineItem> lines) {
        this.lines = lines;
    }

    public String getShippingAddress() {
        return shippingAddress;
    }

    public void setShippingAddress(String shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public void setPlacedAt(Instant placedAt) {
        this.placedAt = placedAt;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public java.util.List<StatusChangeItem> getHistory() {
        return history;
    }

    public void setHistory(java.util.List<StatusChangeItem> history) {
        this.history = history;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public String getShipmentId() {
        return shipmentId;
    }

    public void setShipmentId(String shipmentId) {
        this.shipmentId = shipmentId;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public void setConfirmedAt(Instant confirmedAt) {
        this.confirmedAt = confirmedAt;
    }

    public String getCancellationReason() {
        return cancellationReason;
    }

    public void setCancellationReason(String cancellationReason) {
        this.cancellationReason = cancellationReason;
    }

    public String getCancellationDetail() {
        return cancellationDetail;
    }

    public void setCancellationDetail(String cancellationDetail) {
        this.cancellationDetail = cancellationDetail;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public void setCancelledAt(Instant cancelledAt) {
        this.cancelledAt = cancelledAt;
    }

    /** Optimistic locking: VersionedRecordExtension conditions every write on the version read. */
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
}
