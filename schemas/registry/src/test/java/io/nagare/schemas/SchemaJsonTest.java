package io.nagare.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {

    @Test
    void mapper_shouldKeepAmountsExactWithTheirScale_whenReadingAndWritingBack() throws Exception {
        JsonNode amounts = SchemaJson.mapper().readTree("{\"eur\": 19.90, \"jpy\": 6800, \"usd\": 1234.50}");

        assertThat(amounts.get("eur").decimalValue()).hasToString("19.90");
        assertThat(SchemaJson.mapper().writeValueAsString(amounts))
                .isEqualTo("{\"eur\":19.90,\"jpy\":6800,\"usd\":1234.50}");
    }
}
