package io.nagare.platform.model;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.nagare.platform.envelope.EventEnvelope;
import io.nagare.platform.rules.EventBridgePatterns;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.event.ruler.Machine;

/**
 * Subscriptions and publications agree with the schema registry: every rule pattern compiles with event-ruler,
 * every detail-type it names exactly is a registered event (unless the pattern only takes AWS service events,
 * {@code source: ["aws.*"]}), and it matches at least one valid example of each, built as EventBridge delivers it
 * (through the envelope and PutEvents, from the source the registry gives). Every published detail-type is
 * registered.
 */
final class EventRules {

    private static final Instant EXAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private final SchemaRegistry registry;
    private final Map<String, List<JsonNode>> examples = new HashMap<>();

    EventRules(SchemaRegistry registry) {
        this.registry = registry;
    }

    void check(PlatformModel model, Problems problems) {
        for (SubscriptionDeclaration subscription : model.subscriptions()) {
            checkPattern(subscription, problems);
        }
        for (FunctionDeclaration f : model.functions()) {
            publications(FunctionDeclaration.KIND, f.name(), f.publishes(), problems);
        }
        for (SagaDeclaration s : model.sagas()) {
            publications(SagaDeclaration.KIND, s.name(), s.publishes(), problems);
        }
    }

    private void checkPattern(SubscriptionDeclaration subscription, Problems problems) {
        String kind = SubscriptionDeclaration.KIND;
        String error = EventBridgePatterns.check(subscription.pattern());
        if (error != null) {
            problems.add(kind, subscription.name(), "pattern", "does not compile: " + error);
            return;
        }
        Set<String> sources = EventPatterns.exactValues(subscription.pattern(), "source");
        if (!sources.isEmpty() && sources.stream().allMatch(source -> source.startsWith("aws."))) {
            return; // AWS service events (Step Functions status changes, schedules) are not in the registry.
        }
        Machine machine = Machine.builder().build();
        try {
            machine.addRule(subscription.name(), subscription.pattern());
        } catch (Exception e) {
            problems.add(kind, subscription.name(), "pattern", "does not compile: " + e.getMessage());
            return;
        }
        for (String detailType : subscription.detailTypes()) {
            EventType type = registry.eventType(detailType).orElse(null);
            if (type == null) {
                problems.add(kind, subscription.name(), "pattern", "names detail-type '" + detailType + "', which the"
                        + " schema registry does not know; known detail-types: " + knownDetailTypes());
                continue;
            }
            List<JsonNode> events = examples.computeIfAbsent(detailType, t -> deliveredExamples(type));
            boolean matched = events.stream().anyMatch(event -> !machine.rulesForJSONEvent(event).isEmpty());
            if (!matched) {
                problems.add(kind, subscription.name(), "pattern", "matches none of the " + events.size()
                        + " valid examples of " + detailType + " (source '" + type.source() + "') as EventBridge"
                        + " delivers them; check its source, detail-type and detail conditions against"
                        + " schemas/events/" + detailType);
            }
        }
    }

    private void publications(String kind, String name, Map<String, Set<String>> publishes, Problems problems) {
        publishes.forEach((bus, detailTypes) -> detailTypes.stream()
                .filter(detailType -> registry.eventType(detailType).isEmpty())
                .forEach(detailType -> problems.add(kind, name, "publishes", "detail-type '" + detailType
                        + "' on bus '" + bus + "', which the schema registry does not know; known detail-types: "
                        + knownDetailTypes())));
    }

    private List<String> knownDetailTypes() {
        return registry.eventTypes().stream().map(EventType::detailType).toList();
    }

    /** Every valid example of every version, as the JSON EventBridge gives a rule to match. */
    private static List<JsonNode> deliveredExamples(EventType type) {
        List<JsonNode> events = new ArrayList<>();
        for (EventSchemaVersion version : type.versions()) {
            for (EventSchemaVersion.Example example : version.validExamples()) {
                var cloudEvent = CloudEventBuilder.v1()
                        .withId("example-" + version.label() + "-" + example.name())
                        .withSource(URI.create(type.source()))
                        .withType(type.detailType())
                        .withTime(OffsetDateTime.ofInstant(EXAMPLE_TIME, ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .withDataSchema(URI.create(version.id()))
                        .withData(JsonCloudEventData.wrap(example.data()))
                        .build();
                events.add(EventEnvelope.toPutEventsEntry(cloudEvent, null)
                        .delivered("00000000-0000-0000-0000-000000000000", EXAMPLE_TIME, "123456789012",
                                "ap-northeast-1")
                        .toJson());
            }
        }
        return events;
    }
}
