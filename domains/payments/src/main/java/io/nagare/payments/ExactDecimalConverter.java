package io.nagare.payments;

import java.math.BigDecimal;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores an amount as its decimal text (S). DynamoDB numbers keep the value but trim trailing zeros, so {@code 39.80}
 * would come back as {@code 39.8}; amounts must come back with the scale they were given (events and the saga
 * compare them as text).
 */
public final class ExactDecimalConverter implements AttributeConverter<BigDecimal> {

    @Override
    public AttributeValue transformFrom(BigDecimal input) {
        return AttributeValue.builder().s(input.toPlainString()).build();
    }

    @Override
    public BigDecimal transformTo(AttributeValue input) {
        return new BigDecimal(input.s());
    }

    @Override
    public EnhancedType<BigDecimal> type() {
        return EnhancedType.of(BigDecimal.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.S;
    }
}
