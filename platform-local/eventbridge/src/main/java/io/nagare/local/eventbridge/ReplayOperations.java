package io.nagare.local.eventbridge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsServiceException;

/**
 * StartReplay, DescribeReplay, ListReplays and CancelReplay. A replay re-sends the archive's events whose time lies in
 * [EventStartTime, EventEndTime) to the archive's bus, each marked with {@code replay-name}, to the rules in
 * Destination.FilterArns (all rules of the bus when absent). It runs asynchronously and resumes after a restart.
 */
final class ReplayOperations {

    private static final List<String> STATES = List.of("STARTING", "RUNNING", "CANCELLING", "COMPLETED", "CANCELLED",
            "FAILED");
    /** States whose run has not ended yet. */
    private static final List<String> ACTIVE = List.of("STARTING", "RUNNING", "CANCELLING");

    private final EventBridgeState state;
    private final EventDispatcher dispatcher;
    private final Executor executor;

    ReplayOperations(EventBridgeState state, EventDispatcher dispatcher, Executor executor) {
        this.state = state;
        this.dispatcher = dispatcher;
        this.executor = executor;
    }

    ObjectNode start(ObjectNode input) {
        String name = Params.name(input, "ReplayName", Params.ARCHIVE_NAME, 64);
        String archiveArn = Params.required(input, "EventSourceArn");
        Instant start = EventJson.instant(requiredMember(input, "EventStartTime"));
        Instant end = EventJson.instant(requiredMember(input, "EventEndTime"));
        JsonNode destination = requiredMember(input, "Destination");
        String destinationArn = destination.path("Arn").asText(null);
        if (destinationArn == null) {
            throw Params.validation("Value null at 'destination.arn' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (state.store.replays.containsKey(name)) {
            throw new AwsServiceException("ResourceAlreadyExistsException", "Replay " + name + " already exists.");
        }
        if (!end.isAfter(start)) {
            throw Params.invalid("Parameter EventEndTime is not valid. Reason: EventStartTime must be before "
                    + "EventEndTime.");
        }
        String archiveName = EventBridgeArns.resourceName(archiveArn);
        Records.Archive archive = state.store.read(state.store.archives, archiveName, Records.Archive.class)
                .orElseThrow(() -> Params.invalid("Parameter EventSourceArn is not valid. Reason: Archive "
                        + archiveName + " does not exist."));
        if (!destinationArn.equals(archive.sourceArn())) {
            if (state.store.buses.containsKey(EventBridgeArns.busName(destinationArn))) {
                throw Params.invalid("Parameter Destination.Arn is not valid. Reason: Cross event bus replay is "
                        + "not permitted.");
            }
            throw Params.notFound("Event bus " + EventBridgeArns.busName(destinationArn) + " does not exist.");
        }
        List<String> filterArns = null;
        if (destination.has("FilterArns")) {
            filterArns = new ArrayList<>();
            for (JsonNode arn : destination.get("FilterArns")) {
                filterArns.add(arn.asText());
            }
        }
        Instant now = state.clock.now();
        Records.Replay replay = new Records.Replay(name, Params.optional(input, "Description"), archiveArn,
                start.toEpochMilli(), end.toEpochMilli(), destinationArn, filterArns, "STARTING", now.toEpochMilli(),
                null, null);
        state.store.write(state.store.replays, name, replay);
        state.store.commit();
        executor.execute(() -> run(name));
        return EventJson.object()
                .put("ReplayArn", state.arns.replay(name))
                .put("State", "STARTING")
                .put("ReplayStartTime", EventJson.epochSeconds(now));
    }

    ObjectNode describe(ObjectNode input) {
        String name = Params.name(input, "ReplayName", Params.ARCHIVE_NAME, 64);
        Records.Replay replay = state.store.read(state.store.replays, name, Records.Replay.class)
                .orElseThrow(() -> Params.notFound("Replay " + name + " does not exist."));
        ObjectNode output = EventJson.object()
                .put("ReplayName", replay.name())
                .put("ReplayArn", state.arns.replay(replay.name()));
        if (replay.description() != null) {
            output.put("Description", replay.description());
        }
        output.put("State", replay.state());
        output.put("EventSourceArn", replay.archiveArn());
        ObjectNode destination = output.putObject("Destination").put("Arn", replay.destinationArn());
        if (replay.filterArns() != null) {
            ArrayNode filters = destination.putArray("FilterArns");
            replay.filterArns().forEach(filters::add);
        }
        output.put("EventStartTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.eventStartMillis())));
        output.put("EventEndTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.eventEndMillis())));
        if (replay.lastReplayedMillis() != null) {
            output.put("EventLastReplayedTime",
                    EventJson.epochSeconds(Instant.ofEpochMilli(replay.lastReplayedMillis())));
        }
        output.put("ReplayStartTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.replayStartMillis())));
        if (replay.replayEndMillis() != null) {
            output.put("ReplayEndTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.replayEndMillis())));
        }
        return output;
    }

    /** ListReplays: by name prefix, state and archive, in name order. */
    ObjectNode list(ObjectNode input) {
        String prefix = Params.optional(input, "NamePrefix", "");
        String stateFilter = Params.optional(input, "State");
        if (stateFilter != null && !STATES.contains(stateFilter)) {
            throw Params.validation("Value '" + stateFilter + "' at 'state' failed to satisfy constraint: Member "
                    + "must satisfy enum value set: " + STATES);
        }
        String source = Params.optional(input, "EventSourceArn");
        List<String> names = new ArrayList<>();
        for (String name : state.store.replays.keySet()) {
            Records.Replay replay = state.store.read(state.store.replays, name, Records.Replay.class).orElseThrow();
            if (name.startsWith(prefix) && (stateFilter == null || stateFilter.equals(replay.state()))
                    && (source == null || source.equals(replay.archiveArn()))) {
                names.add(name);
            }
        }
        ObjectNode output = EventJson.object();
        ArrayNode replays = output.putArray("Replays");
        for (String name : Paging.page(names, input, output, 100)) {
            Records.Replay replay = state.store.read(state.store.replays, name, Records.Replay.class).orElseThrow();
            ObjectNode summary = replays.addObject()
                    .put("ReplayName", replay.name())
                    .put("EventSourceArn", replay.archiveArn())
                    .put("State", replay.state())
                    .put("EventStartTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.eventStartMillis())))
                    .put("EventEndTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.eventEndMillis())));
            if (replay.lastReplayedMillis() != null) {
                summary.put("EventLastReplayedTime",
                        EventJson.epochSeconds(Instant.ofEpochMilli(replay.lastReplayedMillis())));
            }
            summary.put("ReplayStartTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.replayStartMillis())));
            if (replay.replayEndMillis() != null) {
                summary.put("ReplayEndTime", EventJson.epochSeconds(Instant.ofEpochMilli(replay.replayEndMillis())));
            }
        }
        return output;
    }

    /**
     * CancelReplay: a replay that has not finished (STARTING or RUNNING) goes to CANCELLING and replays nothing more
     * (CANCELLED once its run sees it); a finished or cancelled one is refused with IllegalStatusException.
     */
    synchronized ObjectNode cancel(ObjectNode input) {
        String name = Params.name(input, "ReplayName", Params.ARCHIVE_NAME, 64);
        Records.Replay replay = state.store.read(state.store.replays, name, Records.Replay.class)
                .orElseThrow(() -> Params.notFound("Replay " + name + " does not exist."));
        if (!replay.state().equals("STARTING") && !replay.state().equals("RUNNING")) {
            throw new AwsServiceException("IllegalStatusException", "Replay " + name + " is in state "
                    + replay.state() + " and cannot be cancelled.");
        }
        state.store.write(state.store.replays, name, replay.progressed("CANCELLING", replay.lastReplayedMillis(),
                null));
        state.store.commit();
        return EventJson.object()
                .put("ReplayArn", state.arns.replay(name))
                .put("State", "CANCELLING");
    }

    /** Resumes replays a restart interrupted (their events may be sent twice: at least once). */
    void recover() {
        for (String name : List.copyOf(state.store.replays.keySet())) {
            state.store.read(state.store.replays, name, Records.Replay.class)
                    .filter(replay -> ACTIVE.contains(replay.state()))
                    .ifPresent(replay -> executor.execute(() -> run(name)));
        }
    }

    private synchronized void run(String name) {
        Records.Replay replay = state.store.read(state.store.replays, name, Records.Replay.class).orElse(null);
        if (replay == null || !ACTIVE.contains(replay.state())) {
            return;
        }
        if (replay.state().equals("CANCELLING")) {
            state.store.write(state.store.replays, name, replay.progressed("CANCELLED", replay.lastReplayedMillis(),
                    state.clock.now().toEpochMilli()));
            state.store.commit();
            return;
        }
        String archiveName = EventBridgeArns.resourceName(replay.archiveArn());
        ArchiveOperations.expire(state, archiveName);
        String bus = EventBridgeArns.busName(replay.destinationArn());
        String from = EventBridgeStore.archivedEventKey(archiveName, replay.eventStartMillis(), "");
        String to = EventBridgeStore.archivedEventKey(archiveName, replay.eventEndMillis(), "");
        List<EventDispatcher.Staged> staged = new ArrayList<>();
        Long last = replay.lastReplayedMillis();
        if (state.store.archives.containsKey(archiveName)) {
            for (String key : EventBridgeStore.keysWithPrefix(state.store.archivedEvents, archiveName + '\u0001')) {
                if (key.compareTo(from) < 0 || key.compareTo(to) >= 0) {
                    continue;
                }
                Records.ArchivedEvent archived = state.store.read(state.store.archivedEvents, key,
                        Records.ArchivedEvent.class).orElseThrow();
                ObjectNode event = (ObjectNode) EventJson.parse(archived.event());
                event.put("replay-name", name);
                staged.add(dispatcher.stage(new Records.OutboxEntry(bus, EventJson.write(event),
                        state.clock.now().toEpochMilli(), null, replay.filterArns(), false), event));
                last = Instant.parse(event.get("time").asText()).toEpochMilli();
            }
        }
        state.store.write(state.store.replays, name,
                replay.progressed("COMPLETED", last, state.clock.now().toEpochMilli()));
        state.store.commit();
        dispatcher.dispatchLater(staged);
    }

    private static JsonNode requiredMember(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            throw Params.validation("Value null at '" + Params.wireName(member) + "' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        return value;
    }
}
