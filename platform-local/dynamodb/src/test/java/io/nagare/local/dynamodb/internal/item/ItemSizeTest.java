package io.nagare.local.dynamodb.internal.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ItemSizeTest {

    @Test
    void of_shouldCountNamesAndValuesAsDynamoDbDoes() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", new AttributeValue.S("東京"));
        item.put("n", new AttributeValue.N(new BigDecimal("123.45")));
        item.put("ok", new AttributeValue.Bool(true));
        item.put("m", new AttributeValue.M(Map.of("k", new AttributeValue.Null())));
        item.put("l", new AttributeValue.L(List.of()));

        // id: 2 + 6 bytes; n: 1 + (3 base-100 digits + 1); ok: 2 + 1; m: 1 + 3 + (1 + 1 + 1); l: 1 + 3
        assertThat(ItemSize.of(item)).isEqualTo(8 + 5 + 3 + 7 + 4);
    }

    @Test
    void numbers_shouldBeParsedExactly_andRefusedOutsideDynamoDbsRange() {
        assertThat(Numbers.parse("1.10E+2")).isEqualTo(new BigDecimal("110"));
        assertThatThrownBy(() -> Numbers.parse("1E+126"))
                .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThatThrownBy(() -> Numbers.parse("1E-131"))
                .hasMessage("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertThatThrownBy(() -> Numbers.parse("abc"))
                .hasMessage("The parameter cannot be converted to a numeric value: abc");
    }

    @Test
    void codec_shouldRoundTripEveryType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", new AttributeValue.S("x"));
        item.put("n", new AttributeValue.N(new BigDecimal("-12345678901234567890.123456789")));
        item.put("b", new AttributeValue.B(Binary.of(new byte[] {0, (byte) 0xFF})));
        item.put("ss", new AttributeValue.SS(java.util.Set.of("a", "b")));
        item.put("ns", new AttributeValue.NS(java.util.Set.of(BigDecimal.ONE, new BigDecimal("2.5"))));
        item.put("bs", new AttributeValue.BS(java.util.Set.of(Binary.of(new byte[] {1}))));
        item.put("m", new AttributeValue.M(Map.of("l", new AttributeValue.L(List.of(new AttributeValue.Null(),
                new AttributeValue.Bool(false))))));

        assertThat(ItemCodec.decode(ItemCodec.encode(item))).isEqualTo(item);
    }
}
