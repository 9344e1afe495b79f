package io.nagare.platform.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.nagare.schemas.SchemaJson;

/** Test support: CloudEvents from JSON with exact decimals, fixtures, and equality as the envelope promises it. */
final class CloudEvents {

    /** The registry's exact-decimal mapper that also reads CloudEvents in the structured JSON format. */
    static final ObjectMapper MAPPER = SchemaJson.mapper().copy()
            .registerModule(JsonFormat.getCloudEventJacksonModule());

    private CloudEvents() {
    }

    static CloudEvent parse(JsonNode structured) {
        try {
            return MAPPER.treeToValue(structured, CloudEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fixture(String name) {
        try (InputStream in = CloudEvents.class.getResourceAsStream("/envelope/" + name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Equal as the envelope promises: every attribute, every extension with the same Java type and value (byte
     * arrays by content, which the SDK's own equals does not do), and data equal as JSON.
     */
    static void assertSameEvent(CloudEvent actual, CloudEvent expected) {
        assertThat(actual.getSpecVersion()).isEqualTo(expected.getSpecVersion());
        assertThat(actual.getId()).isEqualTo(expected.getId());
        assertThat(actual.getSource()).isEqualTo(expected.getSource());
        assertThat(actual.getType()).isEqualTo(expected.getType());
        assertThat(actual.getTime()).isEqualTo(expected.getTime());
        assertThat(actual.getDataContentType()).isEqualTo(expected.getDataContentType());
        assertThat(actual.getDataSchema()).isEqualTo(expected.getDataSchema());
        assertThat(actual.getSubject()).isEqualTo(expected.getSubject());
        assertThat(actual.getExtensionNames()).containsExactlyInAnyOrderElementsOf(expected.getExtensionNames());
        for (String name : expected.getExtensionNames()) {
            Object want = expected.getExtension(name);
            Object got = actual.getExtension(name);
            assertThat(got).as("extension %s", name).isInstanceOf(want.getClass());
            if (want instanceof byte[] bytes) {
                assertThat(Arrays.equals((byte[]) got, bytes)).as("extension %s", name).isTrue();
            } else {
                assertThat(got).as("extension %s", name).isEqualTo(want);
            }
        }
        assertThat(json(actual.getData())).isEqualTo(json(expected.getData()));
    }

    static JsonNode json(CloudEventData data) {
        if (data == null) {
            return null;
        }
        if (data instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        try {
            return SchemaJson.mapper().readTree(data.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
