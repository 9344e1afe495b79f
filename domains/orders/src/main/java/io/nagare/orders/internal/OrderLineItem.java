package io.nagare.orders.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** One line of a stored order; the unit price is decimal text so its scale survives ({@code 19.90}). */
@DynamoDbBean
public class OrderLineItem {

    private String sku;
    private long quantity;
    private String unitPrice;

    public OrderLineItem() {
    }

    public OrderLineItem(String sku, long quantity, String unitPrice) {
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
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

    public String getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(String unitPrice) {
        this.unitPrice = unitPrice;
    }
}
