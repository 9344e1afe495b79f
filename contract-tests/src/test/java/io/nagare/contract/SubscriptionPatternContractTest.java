package io.nagare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.nagare.platform.envelope.EventEnvelope;
import io.nagare.platform.model.SubscriptionDeclaration;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

/**
 * Every subscription's pattern matches every valid example of every event type it names, as EventBridge delivers
 * it (the registry's source, the version's dataschema, the envelope's mapping), so a subscriber never silently misses
 * a valid event of the types it declares it consumes. The model validator asks for one matching example; this asks
 * for all of them.
 */
class SubscriptionPatternContractTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();

    static Stream<Arguments> subscribedExamples() {
        return PlatformModelContractTest.MODEL.subscriptions().stream()
                .flatMap(subscription -> subscription.detailTypes().stream()
                        .flatMap(detailType -> REGISTRY.eventType(detailType).stream())
                        .flatMap(type -> type.versions().stream()
                                .flatMap(version -> version.validExamples().stream().map(example -> Arguments.of(
                                        subscription.name() + " <- " + version.label() + " " + example.name(),
                                        subscription, type, version, example.data())))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscribedExamples")
    void pattern_shouldMatchTheValidExample_whenTheSubscriptionNamesItsDetailType(
            String name, SubscriptionDeclaration subscription, EventType type, EventSchemaVersion version, JsonNode data)
            throws Exception {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("contract-" + name.hashCode())
                .withSource(URI.create(type.source()))
                .withType(type.detailType())
                .withDataSchema(URI.create(version.id()))
                .withData("application/json", JsonCloudEventData.wrap(data))
                .build();
        String delivered = EventEnvelope.toPutEventsEntry(event, subscription.bus())
                .delivered("6a7e8feb-b491-4cf7-a9f1-bf3703467718", Instant.parse("2026-11-28T09:15:00Z"),
                        "000000000000", "ap-northeast-1")
                .toJson().toString();
        Machine machine = new Machine();
        machine.addRule(subscription.name(), subscription.pattern());

        assertThat(machine.rulesForJSONEvent(delivered)).as(name + "\npattern " + subscription.pattern()
                + "\nevent " + delivered).containsExactly(subscription.name());
    }
}
