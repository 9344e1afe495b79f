package io.nagare.local.dynamodb.internal.item;

import java.math.BigDecimal;

/** DynamoDB's number rules: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
public final class Numbers {

    private static final int MAX_DIGITS = 38;
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    private Numbers() {
    }

    /** Parses a number as the wire carries it, with DynamoDB's messages for what it refuses. */
    public static BigDecimal parse(String text) {
        if (text.isEmpty()) {
            throw DynamoDbErrors.validation("The parameter cannot be converted to a numeric value");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DynamoDbErrors.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return checked(value);
    }

    /** The value in canonical form, or DynamoDB's error when it is out of range (also for arithmetic results). */
    public static BigDecimal checked(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.signum() == 0) {
            return canonical;
        }
        int exponent = canonical.precision() - canonical.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw DynamoDbErrors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw DynamoDbErrors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (canonical.precision() > MAX_DIGITS) {
            throw DynamoDbErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return canonical;
    }

    static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // Keep integers in plain form (1E+2 -> 100) so equal numbers have equal representations.
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Bytes a number takes in an item: one per pair of significant digits (pairs aligned on the decimal point,
     * as DynamoDB stores base-100 digits) plus one.
     */
    static int size(BigDecimal value) {
        if (value.signum() == 0) {
            return 2;
        }
        BigDecimal canonical = value.stripTrailingZeros();
        int digits = canonical.precision();
        int top = digits - canonical.scale() - 1;
        int bottom = top - digits + 1;
        return Math.floorDiv(top, 2) - Math.floorDiv(bottom, 2) + 1 + 1;
    }
}
