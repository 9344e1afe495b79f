package io.nagare.api.events;

import java.time.Clock;
import java.time.Duration;

import io.nagare.platform.envelope.PutEventsEntry;
import io.nagare.platform.idempotency.Idempotency;
import io.nagare.platform.idempotency.IdempotencyInProgressException;
import io.nagare.platform.idempotency.IdempotencyStore;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts each accepted event on the bus once per (source, id).
 *
 * <p>The order matters for "nothing accepted is lost": an {@code IN_PROGRESS} dedup record is written first (so a
 * concurrent duplicate cannot publish too), then PutEvents, then the record is completed with EventBridge's event
 * id, and only then does the partner hear 202. A PutEvents that fails releases the record, so the partner's retry
 * publishes. A crash between PutEvents and the completion leaves the record in progress until
 * {@link #IN_PROGRESS_TIMEOUT}; the partner, which got no 202, retries after it and the event may then reach the
 * bus twice with the same CloudEvent id (at least once, never lost), which consumers drop by id.
 */
final class PartnerEventPublisher {

    /**
     * Just above the function's timeout (30 s, also API Gateway's integration limit): a running attempt is never
     * taken over, and a partner retrying after a crash waits no longer than it must.
     */
    static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(35);
    /** The dedup window: the {@code partner-events-dedup} records' TTL. */
    static final Duration RETENTION = Duration.ofHours(24);

    private final EventBridgeClient eventBridge;
    private final Idempotency idempotency;

    PartnerEventPublisher(EventBridgeClient eventBridge, IdempotencyStore dedup, Clock clock) {
        this.eventBridge = eventBridge;
        this.idempotency = Idempotency.builder(dedup).clock(clock).inProgressTimeout(IN_PROGRESS_TIMEOUT)
                .retention(RETENTION).build();
    }

    /** Publishes the entry unless (source, id) was published already; never throws. */
    Outcome publish(String source, String id, PutEventsEntry entry) {
        boolean[] published = new boolean[1];
        try {
            String eventBridgeId = idempotency.run(Idempotency.key(source, id), String.class, () -> {
                String assigned = put(entry);
                published[0] = true;
                return assigned;
            });
            return new Outcome(published[0] ? Status.ACCEPTED : Status.DUPLICATE, eventBridgeId, null);
        } catch (IdempotencyInProgressException e) {
            return new Outcome(Status.IN_PROGRESS, null, "the same event (source, id) is being published by"
                    + " another request; send it again to learn the outcome");
        } catch (RuntimeException e) {
            return new Outcome(Status.FAILED, null, "not published: " + e.getMessage());
        }
    }

    private String put(PutEventsEntry entry) {
        PutEventsResultEntry result = eventBridge.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                .source(entry.source())
                .detailType(entry.detailType())
                .detail(entry.detail())
                .resources(entry.resources())
                .time(entry.time())
                .eventBusName(entry.eventBusName())
                .build())).entries().get(0);
        if (result.errorCode() != null) {
            throw new IllegalStateException("EventBridge refused the entry: " + result.errorCode() + " "
                    + result.errorMessage());
        }
        return result.eventId();
    }

    enum Status { ACCEPTED, DUPLICATE, IN_PROGRESS, FAILED }

    /** What became of one event: its EventBridge id when on the bus, else why not. */
    record Outcome(Status status, String eventBridgeId, String error) {
        boolean onBus() {
            return status == Status.ACCEPTED || status == Status.DUPLICATE;
        }
    }
}
