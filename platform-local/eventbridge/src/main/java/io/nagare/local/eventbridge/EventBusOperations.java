package io.nagare.local.eventbridge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsServiceException;

/** CreateEventBus, DescribeEventBus, ListEventBuses, DeleteEventBus. */
final class EventBusOperations {

    private final EventBridgeState state;

    EventBusOperations(EventBridgeState state) {
        this.state = state;
    }

    /** The default bus exists from the first start on. */
    void ensureDefaultBus() {
        if (!state.store.buses.containsKey(EventBridgeArns.DEFAULT_BUS)) {
            long now = state.clock.now().toEpochMilli();
            state.store.write(state.store.buses, EventBridgeArns.DEFAULT_BUS,
                    new Records.Bus(EventBridgeArns.DEFAULT_BUS, null, now, now));
            state.store.commit();
        }
    }

    ObjectNode create(ObjectNode input) {
        String name = Params.name(input, "Name", Params.BUS_NAME, 256);
        if (input.hasNonNull("EventSourceName")) {
            throw new AwsServiceException("ValidationException", "not supported: partner event sources (EventSourceName)");
        }
        if (state.store.buses.containsKey(name)) {
            throw new AwsServiceException("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        long now = state.clock.now().toEpochMilli();
        Records.Bus bus = new Records.Bus(name, Params.optional(input, "Description"), now, now);
        state.store.write(state.store.buses, name, bus);
        state.store.commit();
        ObjectNode output = EventJson.object().put("EventBusArn", state.arns.bus(name));
        if (bus.description() != null) {
            output.put("Description", bus.description());
        }
        return output;
    }

    ObjectNode describe(ObjectNode input) {
        return describe(state.requireBus(EventBridgeArns.busName(Params.optional(input, "Name"))));
    }

    ObjectNode list(ObjectNode input) {
        String prefix = Params.optional(input, "NamePrefix", "");
        List<String> names = new ArrayList<>();
        for (String name : state.store.buses.keySet()) {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        ObjectNode output = EventJson.object();
        ArrayNode buses = output.putArray("EventBuses");
        for (String name : Paging.page(names, input, output, 100)) {
            state.store.read(state.store.buses, name, Records.Bus.class).ifPresent(bus -> buses.add(describe(bus)));
        }
        return output;
    }

    /** Deleting a bus that does not exist succeeds, as in AWS; its rules and targets go with it. */
    ObjectNode delete(ObjectNode input) {
        String name = Params.name(input, "Name", Params.BUS_NAME, 256);
        if (name.equals(EventBridgeArns.DEFAULT_BUS)) {
            throw Params.invalid("Cannot delete event bus default.");
        }
        if (state.store.buses.remove(name) != null) {
            String rulePrefix = EventBridgeStore.ruleKey(name, "");
            EventBridgeStore.keysWithPrefix(state.store.rules, rulePrefix).forEach(state.store.rules::remove);
            EventBridgeStore.keysWithPrefix(state.store.targets, rulePrefix).forEach(state.store.targets::remove);
            state.store.commit();
            state.unindex(name);
        }
        return EventJson.object();
    }

    private ObjectNode describe(Records.Bus bus) {
        ObjectNode output = EventJson.object()
                .put("Name", bus.name())
                .put("Arn", state.arns.bus(bus.name()));
        if (bus.description() != null) {
            output.put("Description", bus.description());
        }
        output.put("CreationTime", EventJson.epochSeconds(Instant.ofEpochMilli(bus.createdMillis())));
        output.put("LastModifiedTime", EventJson.epochSeconds(Instant.ofEpochMilli(bus.modifiedMillis())));
        return output;
    }
}
