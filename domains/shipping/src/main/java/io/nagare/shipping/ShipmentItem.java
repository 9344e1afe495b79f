package io.nagare.shipping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One item of the {@code shipments} table: the shipment of one order (key {@code orderId}) and the task token of the
 * saga waiting for it. {@code version} is the optimistic lock; {@code expiresAt} (epoch seconds) the TTL;
 * {@code history} lists the transitions as {@code STATUS@instant}.
 */
@DynamoDbBean
public class ShipmentItem {

    private String orderId;
    private String shipmentId;
    private String customerId;
    private String taskToken;
    private String status;
    private String carrier;
    private String trackingNumber;
    private String dispatchedAt;
    private String failureReason;
    private String failureDetail;
    private List<String> history = new ArrayList<>();
    private Long version;
    private Instant updatedAt;
    private Long expiresAt;

    @DynamoDbPartitionKey
    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getShipmentId() {
        return shipmentId;
    }

    public void setShipmentId(String shipmentId) {
        this.shipmentId = shipmentId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getTaskToken() {
        return taskToken;
    }

    public void setTaskToken(String taskToken) {
        this.taskToken = taskToken;
    }

    /** The {@link ShipmentStatus} name (the enum stays package-private). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    /** As the carrier wrote it in ShipmentDispatched, handed to the saga unchanged. */
    public String getDispatchedAt() {
        return dispatchedAt;
    }

    public void setDispatchedAt(String dispatchedAt) {
        this.dispatchedAt = dispatchedAt;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public String getFailureDetail() {
        return failureDetail;
    }

    public void setFailureDetail(String failureDetail) {
        this.failureDetail = failureDetail;
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

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    ShipmentStatus status() {
        return ShipmentStatus.valueOf(status);
    }

    static ShipmentItem requested(String orderId, String customerId, String carrier, String taskToken, Instant at) {
        ShipmentItem item = new ShipmentItem();
        item.orderId = orderId;
        item.customerId = customerId;
        item.carrier = carrier;
        item.taskToken = taskToken;
        item.status = ShipmentStatus.REQUESTED.name();
        item.history.add(item.status + "@" + at);
        item.updatedAt = at;
        return item;
    }

    /** Moves to {@code next} if the lifecycle allows it. */
    void transition(ShipmentStatus next, Instant at) {
        if (!status().canBecome(next)) {
            throw new IllegalShipmentTransitionException(orderId, status, next.name(), status().next(), history);
        }
        status = next.name();
        updatedAt = at;
        history.add(next + "@" + at);
    }
}
