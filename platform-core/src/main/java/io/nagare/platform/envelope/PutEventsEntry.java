package io.nagare.platform.envelope;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.SchemaJson;

/**
 * One entry of an EventBridge PutEvents request, the members of the API's {@code PutEventsRequestEntry}.
 * Build it from a CloudEvent with {@link EventEnvelope#toPutEventsEntry}.
 *
 * @param source       {@code Source}
 * @param detailType   {@code DetailType}
 * @param detail       {@code Detail}: the payload as JSON object text
 * @param resources    {@code Resources}; null to leave the member out
 * @param time         {@code Time}; null to let EventBridge use the time it receives the event
 * @param eventBusName {@code EventBusName}; null for the account's default bus
 */
public record PutEventsEntry(String source, String detailType, String detail, List<String> resources, Instant time,
                             String eventBusName) {

    public PutEventsEntry {
        if (source == null || source.isEmpty() || detailType == null || detailType.isEmpty() || detail == null) {
            throw new EnvelopeException("PutEvents entry: Source, DetailType and Detail are required (EventBridge"
                    + " fails an entry without them); got Source=" + source + ", DetailType=" + detailType
                    + ", Detail=" + detail);
        }
        resources = resources == null ? null : List.copyOf(resources);
    }

    /**
     * The event EventBridge delivers for this entry: it assigns the id, stamps account, region and version
     * {@code "0"}, uses the receive time (whole seconds) when the entry has none, and delivers {@code []} when the
     * entry has no resources. The local runtime uses this to behave as EventBridge does.
     *
     * @param eventId    the id EventBridge assigns (a UUID)
     * @param receivedAt when EventBridge received the entry
     * @param account    the account of the bus
     * @param region     the region of the bus
     * @throws EnvelopeException when {@code Detail} is not a JSON object, which EventBridge rejects
     */
    public EventBridgeEvent delivered(String eventId, Instant receivedAt, String account, String region) {
        JsonNode payload;
        try {
            payload = SchemaJson.mapper().readTree(detail);
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("PutEvents entry " + detailType + " from " + source
                    + ": Detail is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!payload.isObject()) {
            throw new EnvelopeException("PutEvents entry " + detailType + " from " + source
                    + ": Detail must be a JSON object; got " + payload.getNodeType().toString().toLowerCase());
        }
        return EventBridgeEvent.builder()
                .id(eventId)
                .source(source)
                .detailType(detailType)
                .detail(payload)
                .time((time == null ? receivedAt : time).truncatedTo(ChronoUnit.SECONDS))
                .resources(resources == null ? List.of() : resources)
                .account(account)
                .region(region)
                .version("0")
                .build();
    }
}
