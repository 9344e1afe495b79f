package io.nagare.shipping;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
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
                        .collect(Collectors.toList()))
                .build();
    }

    List<String> detailTypes() {
        return entries.stream().map(PutEventsRequestEntry::detailType).collect(Collectors.toList());
    }

    /** The detail of each published event, with its CloudEvent id in {@code _cloudevents.id}. */
    List<JsonNode> details() {
        return entries.stream().map(e -> {
            try {
                return ShippingJson.MAPPER.readTree(e.detail());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).collect(Collectors.toList());
    }

    @Override
    public String serviceName() {
        return "events";
    }

    @Override
    public void close() {
    }
}
