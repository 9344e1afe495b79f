package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetInvoker;
import io.nagare.local.runtime.targets.EventTargetRequest;
import io.nagare.local.runtime.targets.EventTargetException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Delivers to another event bus ({@code arn:aws:events:...:event-bus/<name>}): the event (or the target's input,
 * which must still carry source, detail-type and detail) is accepted there with a new id, as PutEvents would.
 */
final class EventBusTarget implements EventTargetInvoker {

    private final EventBridgeState state;
    private final EventDispatcher dispatcher;

    EventBusTarget(EventBridgeState state, EventDispatcher dispatcher) {
        this.state = state;
        this.dispatcher = dispatcher;
    }

    @Override
    public void invoke(EventTargetRequest request) {
        String bus = EventBridgeArns.resourceName(request.targetArn());
        if (!state.store.buses.containsKey(bus)) {
            throw new EventTargetException("ResourceNotFoundException", "Event bus " + bus + " does not exist.",
                    false);
        }
        JsonNode input = EventJson.parseOrNull(request.input());
        if (input == null || !input.isObject() || !input.hasNonNull("source") || !input.hasNonNull("detail-type")
                || !input.path("detail").isObject()) {
            throw new EventTargetException("InvalidArgument",
                    "Source, DetailType and Detail are required to put an event on an event bus.", false);
        }
        ObjectNode event = ((ObjectNode) input).deepCopy();
        EventFactory.renew(event, state);
        EventDispatcher.Staged staged = dispatcher.stage(new Records.OutboxEntry(bus, EventJson.write(event),
                state.clock.now().toEpochMilli(), null, null, true), event);
        state.store.commit();
        dispatcher.dispatchLater(List.of(staged));
    }
}
