package io.nagare.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.api.LocalPlatform;
import io.nagare.api.PlatformApiDeclarations;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.model.Message;

class PartnerEventsHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:30Z"), ZoneOffset.UTC);

    private static LocalPlatform platform;
    private static PartnerEventsHandler handler;
    private static PartnersTable partners;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(null);
        partners = new PartnersTable(platform.dynamoDb, PlatformApiDeclarations.PARTNERS_TABLE);
        partners.put(new PartnerGrant("storefront", List.of("nagare.partner.storefront"), List.of("OrderPlaced"), 1000));
        partners.put(new PartnerGrant("carrier", List.of("nagare.partner.carrier"),
                List.of("ShipmentDispatched", "ShipmentFailed", "ShipmentStatusUpdated"), 1000));
        partners.put(new PartnerGrant("slow", List.of("nagare.partner.storefront"), List.of("OrderPlaced"), 2));
        handler = handler();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static PartnerEventsHandler handler() {
        return new PartnerEventsHandler(platform.dynamoDb, platform.eventBridge, LocalPlatform.partnerEventsEnvironment(),
                REGISTRY, CLOCK);
    }

    @Test
    void handleRequest_shouldAnswer202AndPublishWithEveryAttribute_whenAStructuredEventIsValid() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("storefront", IncomingEvents.STRUCTURED, orderPlaced("o-structured", "o-structured")), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.at("/events/0/id").asText()).isEqualTo("o-structured");
        assertThat(body.at("/events/0/status").asText()).isEqualTo("ACCEPTED");
        List<Message> messages = platform.busMessages(1);
        assertThat(messages).hasSize(1);
        JsonNode delivered = JSON.readTree(messages.get(0).body());
        assertThat(delivered.get("source").asText()).isEqualTo("nagare.partner.storefront");
        assertThat(delivered.get("detail-type").asText()).isEqualTo("OrderPlaced");
        assertThat(delivered.get("id").asText()).isEqualTo(body.at("/events/0/eventBridgeId").asText());
        assertThat(delivered.at("/detail/orderId").asText()).isEqualTo("o-structured");
        assertThat(delivered.at("/detail/_cloudevents/id").asText()).isEqualTo("o-structured");
        assertThat(delivered.at("/detail/_cloudevents/subject").asText()).isEqualTo("order/o-structured");
        assertThat(delivered.at("/detail/_cloudevents/extensions/partnertrace").asText()).isEqualTo("t-1");
    }

    @Test
    void handleRequest_shouldAnswer400WithEveryPointer_whenTheEventDoesNotMatchItsSchema() throws Exception {
        String invalid = orderPlaced("o-invalid", "o-invalid").replace("\"total\": 39.80", "\"total\": \"ten\"")
                .replace("\"quantity\": 2", "\"quantity\": \"two\"");

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("storefront", IncomingEvents.STRUCTURED, invalid), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/data/lines/0/quantity", "/data/total");
        assertThat(platform.busMessages(1)).isEmpty();
    }

    @Test
    void handleRequest_shouldListErrorsPerIndexAndPublishNothing_whenOneEventOfABatchIsInvalid() throws Exception {
        String batch = "[" + orderPlaced("o-batch-1", "o-batch-1") + ","
                + orderPlaced("o-batch-2", "o-batch-2").replace("\"currency\": \"EUR\",", "") + "]";

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("storefront", IncomingEvents.BATCH, batch), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("events")).hasSize(1);
        assertThat(body.at("/events/0/index").asInt()).isEqualTo(1);
        assertThat(body.at("/events/0/errors/0/pointer").asText()).isEqualTo("/data");
        assertThat(body.at("/events/0/errors/0/property").asText()).isEqualTo("currency");
        assertThat(platform.busMessages(1)).isEmpty();
    }

    @Test
    void handleRequest_shouldPublishEveryEvent_whenABatchIsValid() throws Exception {
        String batch = "[" + orderPlaced("o-batch-3", "o-batch-3") + "," + orderPlaced("o-batch-4", "o-batch-4") + "]";

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("storefront", IncomingEvents.BATCH, batch), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        assertThat(JSON.readTree(response.getBody()).get("events").findValuesAsText("id"))
                .containsExactly("o-batch-3", "o-batch-4");
        assertThat(platform.busMessages(2)).extracting(m -> JSON.readTree(m.body()).at("/detail/orderId").asText())
                .containsExactlyInAnyOrder("o-batch-3", "o-batch-4");
    }

    @Test
    void handleRequest_shouldPublish_whenTheEventIsInBinaryMode() throws Exception {
        JsonNode structured = JSON.readTree(orderPlaced("o-binary", "o-binary"));
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", "o-binary");
        headers.put("ce-source", "nagare.partner.storefront");
        headers.put("ce-type", "OrderPlaced");
        headers.put("ce-subject", "order%2Fo-binary");
        headers.put("ce-dataschema", "https://schemas.nagare.io/events/OrderPlaced/v2");
        APIGatewayV2HTTPEvent request = request("storefront", null, structured.get("data").toString());
        request.setHeaders(headers);

        APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
        List<Message> messages = platform.busMessages(1);
        assertThat(messages).hasSize(1);
        JsonNode delivered = JSON.readTree(messages.get(0).body());
        assertThat(delivered.at("/detail/orderId").asText()).isEqualTo("o-binary");
        assertThat(delivered.at("/detail/_cloudevents/subject").asText()).isEqualTo("order/o-binary");
    }

    @Test
    void handleRequest_shouldAnswer202AgainWithoutPublishingTwice_whenTheEventIsADuplicate() throws Exception {
        String event = orderPlaced("o-duplicate", "o-duplicate");
        JsonNode first = JSON.readTree(handler.handleRequest(request("storefront", IncomingEvents.STRUCTURED, event),
                null).getBody());

        APIGatewayV2HTTPResponse again = handler().handleRequest(
                request("storefront", IncomingEvents.STRUCTURED, event), null);

        assertThat(again.getStatusCode()).isEqualTo(202);
        JsonNode second = JSON.readTree(again.getBody());
        assertThat(second.at("/events/0/status").asText()).isEqualTo("DUPLICATE");
        assertThat(second.at("/events/0/eventBridgeId").asText())
                .isEqualTo(first.at("/events/0/eventBridgeId").asText());
        handler.handleRequest(request("storefront", IncomingEvents.STRUCTURED, orderPlaced("o-marker", "o-marker")),
                null);
        assertThat(platform.busMessages(3)).extracting(m -> JSON.readTree(m.body()).at("/detail/orderId").asText())
                .containsExactlyInAnyOrder("o-duplicate", "o-marker");
    }

    @Test
    void handleRequest_shouldAnswer503AndPublishOnRetry_whenPutEventsFails() throws Exception {
        EventBridgeClient unreachable = (EventBridgeClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventBridgeClient.class}, (proxy, method, arguments) -> {
                    throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
                });
        PartnerEventsHandler failing = new PartnerEventsHandler(platform.dynamoDb, unreachable,
                LocalPlatform.partnerEventsEnvironment(), REGISTRY, CLOCK);
        String event = orderPlaced("o-retry", "o-retry");

        APIGatewayV2HTTPResponse refused = failing.handleRequest(
                request("storefront", IncomingEvents.STRUCTURED, event), null);

        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(503);
        assertThat(refused.getHeaders()).containsEntry("retry-after", "1");
        assertThat(JSON.readTree(refused.getBody()).at("/events/0/status").asText()).isEqualTo("FAILED");
        APIGatewayV2HTTPResponse retried = handler.handleRequest(
                request("storefront", IncomingEvents.STRUCTURED, event), null);
        assertThat(retried.getStatusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retried.getBody()).at("/events/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(platform.busMessages(1)).extracting(m -> JSON.readTree(m.body()).at("/detail/orderId").asText())
                .containsExactly("o-retry");
    }

    @Test
    void handleRequest_shouldAnswer400_whenTheBodyIsNotJson() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("storefront", IncomingEvents.STRUCTURED, "{\"specversion\": "), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("message").asText())
                .startsWith("structured mode: the body is not valid JSON");
    }

    @Test
    void handleRequest_shouldAnswer403_whenThePartnerMayNotPublishTheSource() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("carrier", IncomingEvents.STRUCTURED, orderPlaced("o-forbidden", "o-forbidden")), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.getBody()).at("/events/0/message").asText())
                .contains("source 'nagare.partner.storefront' is not one it may publish")
                .contains("type 'OrderPlaced'");
        assertThat(platform.busMessages(1)).isEmpty();
    }

    @Test
    void handleRequest_shouldAnswer403_whenTheClientIsNoPartner() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("stranger", IncomingEvents.STRUCTURED, orderPlaced("o-stranger", "o-stranger")), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.getBody()).get("message").asText())
                .isEqualTo("client 'stranger' is not a registered partner; ask the platform team for a grant");
    }

    @Test
    void handleRequest_shouldAnswer413_whenTheBodyIsOver256Kilobytes() throws Exception {
        String big = orderPlaced("o-big", "o-big").replace("\"customerId\": \"c-1\"",
                "\"customerId\": \"" + "x".repeat(PartnerEventsApi.MAX_BYTES) + "\"");

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("storefront", IncomingEvents.STRUCTURED, big), null);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.getBody()).get("message").asText()).contains("at most 262144 bytes");
    }

    @Test
    void handleRequest_shouldAnswer429ToEveryInstance_whenThePartnersLimitIsUsedUp() throws Exception {
        PartnerEventsHandler other = handler();
        assertThat(handler.handleRequest(request("slow", IncomingEvents.STRUCTURED, orderPlaced("o-rate-1", "o-rate-1")),
                null).getStatusCode()).isEqualTo(202);
        assertThat(other.handleRequest(request("slow", IncomingEvents.STRUCTURED, orderPlaced("o-rate-2", "o-rate-2")),
                null).getStatusCode()).isEqualTo(202);

        APIGatewayV2HTTPResponse refused = other.handleRequest(
                request("slow", IncomingEvents.STRUCTURED, orderPlaced("o-rate-3", "o-rate-3")), null);

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders()).containsEntry("retry-after", "30");
        assertThat(platform.busMessages(3)).hasSize(2);
    }

    @Test
    void handleRequest_shouldAnswer415_whenTheRequestIsInNoCloudEventsMode() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("storefront", "text/plain", "hello"), null);

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.getBody()).get("message").asText()).contains("application/cloudevents+json");
    }

    /** A request as API Gateway passes it after its JWT authorizer accepted the client's token. */
    static APIGatewayV2HTTPEvent request(String clientId, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /v1/events")
                .withRawPath("/v1/events")
                .withRawQueryString("")
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("client_id", clientId, "sub", clientId,
                                                "scope", "events/publish processes/read", "token_use", "access"))
                                        .withScopes(List.of("events/publish", "processes/read"))
                                        .build())
                                .build())
                        .build())
                .build();
    }

    static String orderPlaced(String id, String orderId) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "nagare.partner.storefront", "type": "OrderPlaced",
                 "subject": "order/%s", "time": "2026-11-28T09:15:00Z", "datacontenttype": "application/json",
                 "dataschema": "https://schemas.nagare.io/events/OrderPlaced/v2", "partnertrace": "t-1",
                 "data": {"orderId": "%s", "customerId": "c-1", "currency": "EUR", "total": 39.80,
                          "lines": [{"sku": "TEA-SENCHA-100G", "quantity": 2, "unitPrice": 19.90}],
                          "placedAt": "2026-11-28T09:15:00Z"}}""".formatted(id, orderId, orderId);
    }
}
