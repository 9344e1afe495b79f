package io.nagare.api.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import io.nagare.platform.envelope.EnvelopeException;
import io.nagare.platform.envelope.EventEnvelope;
import io.nagare.platform.envelope.PutEventsEntry;
import io.nagare.schemas.EventValidation;
import io.nagare.schemas.EventValidator;
import io.nagare.schemas.ValidationError;

/**
 * {@code POST /v1/events}: partners publish CloudEvents to the bus. The JWT authorizer has checked the token; this
 * checks, in order, and answers the first failure: the body's size (413), the partner and its grant (403), the
 * request's CloudEvents mode (415/400), that the partner may publish each event's source and type (403), each event
 * against its schema (400, every error with its JSON pointer, per event index for a batch), the partner's rate
 * limit (429); then publishes each event once per (source, id) and answers 202 with the ids. Nothing reaches the
 * bus unless every event of the request is valid and allowed.
 */
final class PartnerEventsApi {

    /** EventBridge's PutEvents limit: the request, and each entry, at most 256 KB. */
    static final int MAX_BYTES = 256 * 1024;
    static final String PUBLISH_SCOPE = "events/publish";

    private final PartnersTable partners;
    private final PartnerRateLimiter rateLimiter;
    private final PartnerEventPublisher publisher;
    private final EventValidator validator;
    private final String busName;
    private final JsonFormat format = new JsonFormat();

    PartnerEventsApi(PartnersTable partners, PartnerRateLimiter rateLimiter, PartnerEventPublisher publisher,
                     EventValidator validator, String busName) {
        this.partners = Objects.requireNonNull(partners, "partners");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.busName = Objects.requireNonNull(busName, "busName");
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        try {
            return accept(request);
        } catch (ApiProblem problem) {
            return HttpAnswers.json(problem.status(), problem.body(), problem.headers());
        }
    }

    private APIGatewayV2HTTPResponse accept(APIGatewayV2HTTPEvent request) {
        byte[] body = body(request);
        if (body.length > MAX_BYTES) {
            throw ApiProblem.of(413, "the request body is " + body.length + " bytes; at most " + MAX_BYTES
                    + " bytes (256 KB, EventBridge's PutEvents limit) are accepted: send fewer or smaller events");
        }
        PartnerGrant partner = partner(request);
        IncomingEvents.Parsed parsed = IncomingEvents.parse(lowerCase(request.getHeaders()), body);
        List<JsonNode> documents = parsed.documents();
        authorize(partner, documents, parsed.mode());
        validate(documents, parsed.mode());
        List<PutEventsEntry> entries = entries(documents, parsed.mode());

        PartnerRateLimiter.Decision decision = rateLimiter.acquire(partner, documents.size());
        if (!decision.admitted()) {
            throw new ApiProblem(429, Json.object().put("message", "rate limit exceeded: partner '"
                            + partner.clientId() + "' may publish " + decision.limitPerMinute() + " events a minute;"
                            + " retry after " + decision.retryAfterSeconds() + " s"),
                    Map.of("retry-after", Long.toString(decision.retryAfterSeconds())));
        }

        ObjectNode answer = Json.object();
        ArrayNode events = answer.putArray("events");
        boolean allOnBus = true;
        for (int i = 0; i < documents.size(); i++) {
            String source = documents.get(i).get("source").asText();
            String id = documents.get(i).get("id").asText();
            PartnerEventPublisher.Outcome outcome = publisher.publish(source, id, entries.get(i));
            ObjectNode event = events.addObject().put("id", id).put("source", source)
                    .put("status", outcome.status().name());
            if (outcome.eventBridgeId() != null) {
                event.put("eventBridgeId", outcome.eventBridgeId());
            }
            if (outcome.error() != null) {
                event.put("message", outcome.error());
            }
            allOnBus &= outcome.onBus();
        }
        if (!allOnBus) {
            answer.put("message", "some events were not published; send the request again (events already"
                    + " published are answered as DUPLICATE and not published twice)");
            return HttpAnswers.json(503, answer, Map.of("retry-after", "1"));
        }
        return HttpAnswers.json(202, answer, Map.of());
    }

    private PartnerGrant partner(APIGatewayV2HTTPEvent request) {
        Map<String, String> claims = claims(request);
        String clientId = claims.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            throw ApiProblem.of(403, "the token has no client_id claim: publish with a client-credentials access"
                    + " token of a registered partner");
        }
        Set<String> scopes = scopes(request, claims);
        if (!scopes.contains(PUBLISH_SCOPE)) {
            throw ApiProblem.of(403, "client '" + clientId + "': the token lacks the scope " + PUBLISH_SCOPE
                    + "; it has " + scopes);
        }
        return partners.find(clientId).orElseThrow(() -> ApiProblem.of(403, "client '" + clientId
                + "' is not a registered partner; ask the platform team for a grant"));
    }

    private static void authorize(PartnerGrant partner, List<JsonNode> documents, IncomingEvents.Mode mode) {
        ArrayNode refused = Json.mapper().createArrayNode();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            List<String> reasons = new ArrayList<>();
            JsonNode source = document.path("source");
            if (source.isTextual() && !partner.sources().contains(source.asText())) {
                reasons.add("source '" + source.asText() + "' is not one it may publish; allowed: "
                        + partner.sources());
            }
            JsonNode type = document.path("type");
            if (type.isTextual() && !partner.types().contains(type.asText())) {
                reasons.add("type '" + type.asText() + "' is not one it may publish; allowed: " + partner.types());
            }
            if (!reasons.isEmpty()) {
                ObjectNode event = refused.addObject();
                if (mode == IncomingEvents.Mode.BATCH) {
                    event.put("index", i);
                }
                event.put("message", String.join("; ", reasons));
            }
        }
        if (!refused.isEmpty()) {
            ObjectNode body = Json.object().put("message", "partner '" + partner.clientId() + "' may not publish "
                    + (refused.size() == 1 ? "this event" : refused.size() + " of these events"));
            body.set("events", refused);
            throw new ApiProblem(403, body);
        }
    }

    private void validate(List<JsonNode> documents, IncomingEvents.Mode mode) {
        ArrayNode invalid = Json.mapper().createArrayNode();
        int errorCount = 0;
        for (int i = 0; i < documents.size(); i++) {
            EventValidation validation = validator.validate(documents.get(i));
            List<ValidationError> errors = new ArrayList<>(validation.errors());
            if (!errors.isEmpty()) {
                ObjectNode event = invalid.addObject();
                if (mode == IncomingEvents.Mode.BATCH) {
                    event.put("index", i);
                }
                event.set("errors", errorsJson(errors));
                errorCount += errors.size();
            }
        }
        if (invalid.isEmpty()) {
            return;
        }
        ObjectNode body = Json.object();
        if (mode == IncomingEvents.Mode.BATCH) {
            body.put("message", invalid.size() + " of " + documents.size() + " events are invalid (" + errorCount
                    + " errors); nothing was published");
            body.set("events", invalid);
        } else {
            body.put("message", "the event is invalid (" + errorCount + " errors); nothing was published");
            body.set("errors", invalid.get(0).get("errors"));
        }
        throw new ApiProblem(400, body);
    }

    /** The PutEvents entries; any that cannot be built, or is over EventBridge's size, refuses the whole request. */
    private List<PutEventsEntry> entries(List<JsonNode> documents, IncomingEvents.Mode mode) {
        List<PutEventsEntry> entries = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String where = mode == IncomingEvents.Mode.BATCH ? "event " + i + ": " : "";
            PutEventsEntry entry;
            try {
                CloudEvent event = format.deserialize(Json.mapper().writeValueAsBytes(documents.get(i)));
                entry = EventEnvelope.toPutEventsEntry(event, busName);
            } catch (EventDeserializationException | EnvelopeException e) {
                throw ApiProblem.of(400, where + "not a CloudEvent EventBridge can carry: " + e.getMessage());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed JSON document always serializes", e);
            }
            int size = entrySize(entry);
            if (size > MAX_BYTES) {
                throw ApiProblem.of(413, where + "the event is " + size + " bytes as a PutEvents entry; EventBridge"
                        + " takes at most " + MAX_BYTES + " bytes (256 KB)");
            }
            entries.add(entry);
        }
        return entries;
    }

    /** As EventBridge counts an entry: Time (14 bytes when set), Source, DetailType, Detail and Resources in UTF-8. */
    static int entrySize(PutEventsEntry entry) {
        int size = entry.time() == null ? 0 : 14;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        if (entry.resources() != null) {
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static ArrayNode errorsJson(List<ValidationError> errors) {
        ArrayNode json = Json.mapper().createArrayNode();
        for (ValidationError error : errors) {
            ObjectNode item = json.addObject().put("pointer", error.pointer()).put("keyword", error.keyword());
            if (error.property() != null) {
                item.put("property", error.property());
            }
            item.put("message", error.message());
        }
        return json;
    }

    private static byte[] body(APIGatewayV2HTTPEvent request) {
        String body = request.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (request.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.of(400, "the body is marked base64-encoded but is not base64: " + e.getMessage());
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPEvent.RequestContext context = request.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    private static Set<String> scopes(APIGatewayV2HTTPEvent request, Map<String, String> claims) {
        Set<String> scopes = new LinkedHashSet<>();
        List<String> granted = request.getRequestContext().getAuthorizer().getJwt().getScopes();
        if (granted != null) {
            scopes.addAll(granted);
        }
        String scope = claims.get("scope");
        if (scope != null && !scope.isBlank()) {
            scopes.addAll(List.of(scope.trim().split("\\s+")));
        }
        return scopes;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lower;
    }
}
