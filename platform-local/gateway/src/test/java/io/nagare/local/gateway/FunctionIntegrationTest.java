package io.nagare.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FunctionIntegrationTest {

    @Test
    void map_shouldAnswer200Json_whenTheFunctionReturnsJsonWithoutStatusCode() {
        GatewayResponse response = FunctionIntegration.map("{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(Map.entry("content-type", "application/json"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\"}");
    }

    @Test
    void map_shouldTakeStatusHeadersCookiesAndBody_whenTheFunctionReturnsAResponse() {
        GatewayResponse response = FunctionIntegration.map("""
                {"statusCode": 201, "headers": {"x-a": "1"}, "multiValueHeaders": {"x-b": ["2", "3"]},
                 "cookies": ["a=1", "b=2"], "body": "aGVsbG8=", "isBase64Encoded": true}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsExactly(Map.entry("x-a", "1"), Map.entry("x-b", "2,3"),
                Map.entry("set-cookie", "a=1"), Map.entry("set-cookie", "b=2"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void map_shouldAnswer500_whenTheOutputIsNotJson() {
        GatewayResponse response = FunctionIntegration.map("not json".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
}
