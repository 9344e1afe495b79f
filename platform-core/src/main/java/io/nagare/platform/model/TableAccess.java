package io.nagare.platform.model;

/**
 * What a function or saga does with a table; the CDK app grants exactly this ({@code grantReadData},
 * {@code grantWriteData}, {@code grantReadWriteData}).
 */
public enum TableAccess {
    /** GetItem, BatchGetItem, Query, Scan, ConditionCheckItem. */
    READ,
    /** PutItem, UpdateItem, DeleteItem, BatchWriteItem. */
    WRITE,
    /** Both. */
    READ_WRITE;

    /** This access and {@code other} together. */
    TableAccess and(TableAccess other) {
        return this == other ? this : READ_WRITE;
    }
}
