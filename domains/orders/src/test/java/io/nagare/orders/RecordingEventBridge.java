package io.nagare.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.events.EventJson;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** An EventBridge that accepts every entry and keeps it. */
final class RecordingEventBridge implements EventBridgeClient {

    final List<PutEventsRequestEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
        entries.addAll(request.entries());
        return PutEventsResponse.builder().failedEntryCount(0)
                .entries(request.entries().stream().map(e -> PutEventsResultEntry.builder().eventId("e").build())
                        .toList())
                .build();
    }

    List<String> detailTypes() {
        return entries.stream().map(PutEventsRequestEntry::detailType).toList();
    }

    /** The details of the events of this type, each with its CloudEvent id in {@code _cloudevents.id}. */
    List<JsonNode> details(String detailType) {
        return entries.stream().filter(e -> e.detailType().equals(detailType)).map(e -> {
            try {
                return EventJson.mapper().readTree(e.detail());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    @Override
    public String serviceName() {
        return "events";
    }

    @Override
    public void close() {
    }
}
