package io.nagare.orders.internal;

import java.time.Instant;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** One entry of an order's status history: the status it entered, when, and why (for cancellations). */
@DynamoDbBean
public class StatusChangeItem {

    private String status;
    private Instant at;
    private String note;

    public StatusChangeItem() {
    }

    public StatusChangeItem(String status, Instant at, String note) {
        this.status = status;
        this.at = at;
        this.note = note;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Instant getAt() {
        return at;
    }

    public void setAt(Instant at) {
        this.at = at;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    @Override
    public String toString() {
        return status + " at " + at + (note == null ? "" : " (" + note + ")");
    }
}
