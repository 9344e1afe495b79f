package io.nagare.schemas;

import static io.nagare.schemas.TestRegistries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventValidatorTest {

    private static final String V1 = "https://schemas.nagare.io/events/OrderPlaced/v1";

    private final EventValidator validator = new EventValidator(TestRegistries.orders());

    private static String payload(String total, String quantity) {
        return """
                {"orderId": "ord-1", "customerId": "cus-1", "currency": "JPY", "total": %s,
                 "lines": [{"sku": "TEA-100G", "quantity": %s, "unitPrice": 1800}]}
                """.formatted(total, quantity);
    }

    private static String cloudEvent(String extraAttributes, String data) {
        return """
                {"specversion": "1.0", "id": "e-1", "source": "nagare.partner.storefront", "type": "OrderPlaced",
                 %s "data": %s}
                """.formatted(extraAttributes, data);
    }

    @Test
    void validate_shouldPointAtBothFieldsWithExpectedAndActual_whenQuantityAndTotalAreWords() {
        EventValidation result = validator.validate(json(cloudEvent("", payload("\"ten\"", "\"two\""))));

        assertThat(result.valid()).isFalse();
        assertThat(result.schema().label()).isEqualTo("OrderPlaced v2");
        assertThat(result.errors()).extracting(ValidationError::pointer, ValidationError::payloadPointer,
                        ValidationError::keyword)
                .containsExactly(tuple("/data/total", "/total", "type"),
                        tuple("/data/lines/0/quantity", "/lines/0/quantity", "type"));
        assertThat(result.errors()).map(ValidationError::toString).containsExactly(
                "/data/total: type: expected number, got string \"ten\"",
                "/data/lines/0/quantity: type: expected integer, got string \"two\"");
    }

    @Test
    void validate_shouldUseTheLatestVersion_whenTheEventNamesNone() {
        EventValidation result = validator.validate(json(cloudEvent("", payload("3600", "2"))));

        assertThat(result.valid()).isTrue();
        assertThat(result.schema().version()).isEqualTo(2);
    }

    @Test
    void validate_shouldUseTheVersionOfDataschema_whenTheCloudEventNamesOne() {
        String withNote = """
                {"orderId": "ord-1", "customerId": "cus-1", "currency": "JPY", "total": 1800, "note": "gift",
                 "lines": [{"sku": "TEA-100G", "quantity": 1, "unitPrice": 1800}]}
                """;

        EventValidation result = validator.validate(json(cloudEvent("\"dataschema\": \"" + V1 + "\",", withNote)));

        assertThat(result.schema().version()).isEqualTo(1);
        assertThat(result.errors()).extracting(ValidationError::pointer, ValidationError::keyword,
                ValidationError::property).containsExactly(tuple("/data", "additionalProperties", "note"));
    }

    @Test
    void validate_shouldListKnownVersions_whenDataschemaNamesAnUnknownVersion() {
        EventValidation result = validator.validate(json(cloudEvent(
                "\"dataschema\": \"https://schemas.nagare.io/events/OrderPlaced/v7\",", payload("1", "1"))));

        assertThat(result.schema()).isNull();
        assertThat(result.errors()).map(ValidationError::toString).containsExactly(
                "/dataschema: enum: unknown dataschema \"https://schemas.nagare.io/events/OrderPlaced/v7\" for "
                        + "OrderPlaced; known: " + V1 + " (v1), https://schemas.nagare.io/events/OrderPlaced/v2 (v2)");
    }

    @Test
    void validate_shouldListKnownTypes_whenTheTypeIsUnknown() {
        String event = cloudEvent("", "{}").replace("\"OrderPlaced\"", "\"OrderShipped\"");

        EventValidation result = validator.validate(json(event));

        assertThat(result.errors()).map(ValidationError::toString)
                .containsExactly("/type: enum: unknown event type \"OrderShipped\"; known types: OrderPlaced");
    }

    @Test
    void validate_shouldReportEveryEnvelopeError_whenCloudEventAttributesAreMissingOrWrong() {
        String event = """
                {"specversion": "0.3", "source": "", "type": "OrderPlaced", "time": "yesterday", "data": %s}
                """.formatted(payload("1800", "1"));

        EventValidation result = validator.validate(json(event));

        assertThat(result.errors()).extracting(ValidationError::pointer, ValidationError::keyword,
                        ValidationError::property, ValidationError::payloadPointer)
                .containsExactly(tuple("", "required", "id", null),
                        tuple("/specversion", "const", null, null),
                        tuple("/source", "minLength", null, null),
                        tuple("/time", "format", null, null));
        assertThat(result.errors().get(1).message()).isEqualTo("expected \"1.0\", got string \"0.3\"");
    }

    @Test
    void validate_shouldSayNotSupported_whenTheCloudEventCarriesBinaryData() {
        String event = """
                {"specversion": "1.0", "id": "e-1", "source": "s", "type": "OrderPlaced", "data_base64": "e30="}
                """;

        EventValidation result = validator.validate(json(event));

        assertThat(result.errors()).map(ValidationError::toString).containsExactly(
                "/data_base64: unsupported: not supported: binary data (data_base64); send the payload as JSON in data");
    }

    @Test
    void validate_shouldRequireData_whenTheCloudEventHasNoPayload() {
        String event = """
                {"specversion": "1.0", "id": "e-1", "source": "s", "type": "OrderPlaced"}
                """;

        assertThat(validator.validate(json(event)).errors())
                .extracting(ValidationError::pointer, ValidationError::keyword, ValidationError::property)
                .containsExactly(tuple("", "required", "data"));
    }

    @Test
    void validate_shouldValidateDetailWithoutTheReservedMember_whenTheEventBridgeEventNamesItsVersion() {
        String event = """
                {"version": "0", "id": "e-1", "source": "nagare.partner.storefront", "detail-type": "OrderPlaced",
                 "time": "2026-11-28T09:15:00Z", "region": "ap-northeast-1", "resources": [],
                 "detail": {"_cloudevents": {"specversion": "1.0", "dataschema": "%s"},
                            "orderId": "ord-1", "customerId": "cus-1", "currency": "usd", "total": -1,
                            "lines": [{"sku": "TEA-100G", "quantity": 1, "unitPrice": 1800}]}}
                """.formatted(V1);

        EventValidation result = validator.validate(json(event));

        assertThat(result.schema().version()).isEqualTo(1);
        assertThat(result.errors()).map(ValidationError::toString).containsExactly(
                "/detail/currency: pattern: expected a string matching ^[A-Z]{3}$, got string \"usd\"",
                "/detail/currency: format: expected an ISO 4217 currency code (e.g. JPY, EUR, USD), got string \"usd\"",
                "/detail/total: minimum: expected a number >= 0, got integer -1");
    }

    @Test
    void validate_shouldRejectUnknownEnvelopeMembers_whenTheReservedCloudEventsMemberCarriesThem() {
        String event = """
                {"source": "nagare.partner.storefront", "detail-type": "OrderPlaced",
                 "detail": {"_cloudevents": {"datacontenttype": "text/plain", "colour": "red"},
                            "orderId": "ord-1", "customerId": "cus-1", "currency": "JPY", "total": 1800,
                            "lines": [{"sku": "TEA-100G", "quantity": 1, "unitPrice": 1800}]}}
                """;

        EventValidation result = validator.validate(json(event));

        assertThat(result.errors()).extracting(ValidationError::pointer, ValidationError::keyword,
                        ValidationError::property)
                .containsExactly(tuple("/detail/_cloudevents", "additionalProperties", "colour"),
                        tuple("/detail/_cloudevents/datacontenttype", "pattern", null));
    }

    @Test
    void validate_shouldRequireSourceAndDetail_whenTheEventBridgeEventLacksThem() {
        EventValidation result = validator.validate(json("{\"detail-type\": \"OrderPlaced\"}"));

        assertThat(result.errors()).extracting(ValidationError::pointer, ValidationError::keyword,
                        ValidationError::property)
                .containsExactlyInAnyOrder(tuple("", "required", "source"), tuple("", "required", "detail"));
    }

    @Test
    void validate_shouldSayWhatIsExpected_whenTheDocumentIsNeitherEnvelope() {
        assertThat(validator.validate(json("{\"type\": \"OrderPlaced\"}")).errors()).map(ValidationError::toString)
                .containsExactly("(root): required: expected a CloudEvent (attribute specversion) or an EventBridge "
                        + "event (field detail-type); found neither");
        assertThat(validator.validate(json("[]")).errors()).map(ValidationError::keyword).containsExactly("type");
    }

    @Test
    void validatePayload_shouldAssertFormats_whenCurrencyOrTimestampIsMalformed() {
        EventSchemaVersion v1 = TestRegistries.orders().resolve("OrderPlaced", 1);
        String payload = """
                {"orderId": "ord-1", "customerId": "cus-1", "currency": "XYZ", "total": 1,
                 "placedAt": "2026-11-28T09:15:00", "lines": [{"sku": "A", "quantity": 1, "unitPrice": 1}]}
                """;

        List<ValidationError> errors = validator.validatePayload(v1, json(payload));

        assertThat(errors).extracting(ValidationError::pointer, ValidationError::keyword)
                .containsExactly(tuple("/currency", "format"), tuple("/placedAt", "format"));
    }

    @Test
    void validatePayload_shouldKeepDecimalsExact_whenTheSchemaUsesMultipleOf() {
        EventSchemaVersion cents = new EventSchemaVersion("Priced", 1, json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"amount": {"type": "number", "multipleOf": 0.01}}}
                """), List.of(), List.of());

        assertThat(validator.validatePayload(cents, json("{\"amount\": 19.99}"))).isEmpty();
        assertThat(validator.validatePayload(cents, json("{\"amount\": 19.999}")))
                .map(ValidationError::toString).containsExactly("/amount: multipleOf: expected a multiple of 0.01, "
                        + "got number 19.999");
    }
}
