package io.nagare.inventory.internal;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One item of the {@code inventory} table: the stock of a sku. {@code available} can be sold, {@code reserved} is
 * held for orders; neither is ever negative. Public only because the enhanced client's bean schema needs it.
 */
@DynamoDbBean
public class StockItem {

    private String sku;
    private long available;
    private long reserved;
    private Long version;
    private Instant updatedAt;

    @DynamoDbPartitionKey
    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public long getAvailable() {
        return available;
    }

    public void setAvailable(long available) {
        this.available = available;
    }

    public long getReserved() {
        return reserved;
    }

    public void setReserved(long reserved) {
        this.reserved = reserved;
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
