package io.nagare.inventory.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** One line of a reservation: a sku and the quantity held. */
@DynamoDbBean
public class ReservedLineItem {

    private String sku;
    private long quantity;

    public ReservedLineItem() {
    }

    public ReservedLineItem(String sku, long quantity) {
        this.sku = sku;
        this.quantity = quantity;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public long getQuantity() {
        return quantity;
    }

    public void setQuantity(long quantity) {
        this.quantity = quantity;
    }
}
