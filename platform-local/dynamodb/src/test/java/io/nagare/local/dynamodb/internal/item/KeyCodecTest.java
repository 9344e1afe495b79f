package io.nagare.local.dynamodb.internal.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KeyCodecTest {

    private static final AttributeValue PARTITION = new AttributeValue.S("p");

    @Test
    void itemKey_shouldOrderNumbersByValue_acrossSignsScalesAndExponents() {
        List<String> numbers = List.of("-1E+125", "-100", "-99.9", "-10", "-1.5", "-1", "-0.5", "-0.05", "-1E-130",
                "0", "1E-130", "0.001", "0.5", "1", "1.5", "2", "10", "99.99", "100", "12345678901234567890123456789012345678",
                "9.9999999999999999999999999999999999999E+125");
        List<String> shuffled = new ArrayList<>(numbers);
        java.util.Collections.shuffle(shuffled, new Random(7));

        shuffled.sort(Comparator.comparing(n -> KeyCodec.itemKey(PARTITION, new AttributeValue.N(new BigDecimal(n))),
                Arrays::compareUnsigned));

        assertThat(shuffled).containsExactlyElementsOf(numbers);
    }

    @Test
    void itemKey_shouldOrderStringsByUtf8Bytes_withPrefixesFirstAndZeroBytesKept() {
        List<String> strings = List.of("", "a", "a\u0000", "a\u0000b", "aa", "b", "z", "\u00e9", "\uffff", "\ud83d\ude00");
        List<String> shuffled = new ArrayList<>(strings);
        java.util.Collections.shuffle(shuffled, new Random(3));

        shuffled.sort(Comparator.comparing(s -> KeyCodec.itemKey(PARTITION, new AttributeValue.S(s)),
                Arrays::compareUnsigned));

        assertThat(shuffled).containsExactlyElementsOf(strings);
    }

    @Test
    void itemKey_shouldGiveEqualNumbersOneKey_whateverTheirScale() {
        byte[] a = KeyCodec.itemKey(new AttributeValue.N(new BigDecimal("1.50")), null);
        byte[] b = KeyCodec.itemKey(new AttributeValue.N(new BigDecimal("1.5")), null);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void partitionPrefix_shouldStartEveryKeyOfThePartition_andNoKeyOfAnother() {
        byte[] prefix = KeyCodec.partitionPrefix(new AttributeValue.S("ab"));
        byte[] inside = KeyCodec.itemKey(new AttributeValue.S("ab"), new AttributeValue.S("x"));
        byte[] longerPartition = KeyCodec.itemKey(new AttributeValue.S("abc"), new AttributeValue.S("x"));

        assertThat(Arrays.copyOf(inside, prefix.length)).isEqualTo(prefix);
        assertThat(Arrays.copyOf(longerPartition, prefix.length)).isNotEqualTo(prefix);
        assertThat(Arrays.compareUnsigned(inside, KeyCodec.prefixEnd(prefix))).isNegative();
    }

    @Test
    void appendUnterminated_shouldBoundExactlyTheKeysThatBeginWithThePrefix() {
        byte[] prefix = KeyCodec.partitionPrefix(PARTITION);
        byte[] start = KeyCodec.appendUnterminated(prefix, new AttributeValue.S("ab"));
        byte[] end = KeyCodec.prefixEnd(start);

        for (String candidate : List.of("a", "ab", "ab\u0000", "abz", "ac", "b")) {
            byte[] key = KeyCodec.append(prefix, new AttributeValue.S(candidate));
            boolean inRange = Arrays.compareUnsigned(key, start) >= 0 && Arrays.compareUnsigned(key, end) < 0;
            assertThat(inRange).as(candidate).isEqualTo(candidate.startsWith("ab"));
        }
        assertThat("ab".getBytes(StandardCharsets.UTF_8)).hasSize(2);
    }
}
