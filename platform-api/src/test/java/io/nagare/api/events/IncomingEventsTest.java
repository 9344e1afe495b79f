package io.nagare.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class IncomingEventsTest {

    @Test
    void parse_shouldBuildTheStructuredDocument_whenTheEventIsInBinaryMode() {
        IncomingEvents.Parsed parsed = IncomingEvents.parse(Map.of("ce-specversion", "1.0", "ce-id", "e-1",
                "ce-source", "nagare.partner.carrier", "ce-type", "ShipmentDispatched",
                "ce-subject", "caf%C3%A9+1%25", "content-type", "application/json"),
                "{\"orderId\": \"o-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.mode()).isEqualTo(IncomingEvents.Mode.BINARY);
        JsonNode document = parsed.documents().get(0);
        assertThat(document.get("subject").asText()).isEqualTo("café+1%");
        assertThat(document.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(document.at("/data/orderId").asText()).isEqualTo("o-1");
    }

    @Test
    void parse_shouldCarryNonJsonDataAsBase64_whenTheBinaryContentTypeIsNotJson() {
        JsonNode document = IncomingEvents.parse(Map.of("ce-specversion", "1.0", "content-type", "text/plain"),
                "hi".getBytes(StandardCharsets.UTF_8)).documents().get(0);

        assertThat(document.get("data_base64").asText()).isEqualTo("aGk=");
    }

    @Test
    void parse_shouldRefuse_whenAHeaderHasABrokenPercentEncoding() {
        assertThatThrownBy(() -> IncomingEvents.parse(Map.of("ce-specversion", "1.0", "ce-id", "a%zz"), new byte[0]))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400))
                .hasMessage("binary mode: header ce-id has a '%' not followed by two hex digits at index 1; values"
                        + " are percent-encoded UTF-8");
    }

    @Test
    void parse_shouldRefuse_whenABatchIsEmptyOrNotAnArray() {
        assertThatThrownBy(() -> IncomingEvents.parse(Map.of("content-type", IncomingEvents.BATCH),
                "[]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("batch mode: the batch is empty; send at least one CloudEvent");
        assertThatThrownBy(() -> IncomingEvents.parse(Map.of("content-type", IncomingEvents.BATCH),
                "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("batch mode: the body must be a JSON array of CloudEvents; got a JSON object");
    }

    @Test
    void parse_shouldRefuse_whenAStructuredBodyIsAnArray() {
        assertThatThrownBy(() -> IncomingEvents.parse(Map.of("content-type", IncomingEvents.STRUCTURED + "; charset=utf-8"),
                "[]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("structured mode: the body must be one CloudEvent (a JSON object); got a JSON"
                        + " array");
    }
}
