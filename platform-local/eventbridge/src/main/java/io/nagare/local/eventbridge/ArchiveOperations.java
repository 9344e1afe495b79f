package io.nagare.local.eventbridge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsServiceException;

/**
 * CreateArchive, DescribeArchive, ListArchives, DeleteArchive. An archive keeps every event of its source bus
 * that matches its optional pattern (never replayed events); the dispatcher writes them.
 */
final class ArchiveOperations {

    private final EventBridgeState state;

    ArchiveOperations(EventBridgeState state) {
        this.state = state;
    }

    ObjectNode create(ObjectNode input) {
        String name = Params.name(input, "ArchiveName", Params.ARCHIVE_NAME, 48);
        String sourceArn = Params.required(input, "EventSourceArn");
        String pattern = Params.optional(input, "EventPattern");
        if (pattern != null) {
            EventPattern.compile(pattern);
        }
        if (state.store.archives.containsKey(name)) {
            throw new AwsServiceException("ResourceAlreadyExistsException", "Archive " + name + " already exists.");
        }
        String bus = EventBridgeArns.busName(sourceArn);
        state.requireBus(bus);
        long now = state.clock.now().toEpochMilli();
        int retention = input.path("RetentionDays").asInt(0);
        state.store.write(state.store.archives, name, new Records.Archive(name, state.arns.bus(bus),
                Params.optional(input, "Description"), pattern, retention, now, 0, 0));
        state.store.commit();
        return EventJson.object()
                .put("ArchiveArn", state.arns.archive(name))
                .put("State", "ENABLED")
                .put("CreationTime", EventJson.epochSeconds(Instant.ofEpochMilli(now)));
    }

    ObjectNode describe(ObjectNode input) {
        String name = Params.name(input, "ArchiveName", Params.ARCHIVE_NAME, 48);
        require(name);
        expire(state, name);
        Records.Archive archive = require(name);
        ObjectNode output = summary(archive);
        output.put("ArchiveArn", state.arns.archive(archive.name()));
        if (archive.description() != null) {
            output.put("Description", archive.description());
        }
        if (archive.eventPattern() != null) {
            output.put("EventPattern", archive.eventPattern());
        }
        return output;
    }

    ObjectNode list(ObjectNode input) {
        String prefix = Params.optional(input, "NamePrefix", "");
        String source = Params.optional(input, "EventSourceArn");
        String stateFilter = Params.optional(input, "State");
        List<String> names = new ArrayList<>();
        for (String name : List.copyOf(state.store.archives.keySet())) {
            expire(state, name);
            Records.Archive archive = require(name);
            if (name.startsWith(prefix) && (source == null || source.equals(archive.sourceArn()))
                    && (stateFilter == null || stateFilter.equals("ENABLED"))) {
                names.add(name);
            }
        }
        ObjectNode output = EventJson.object();
        ArrayNode archives = output.putArray("Archives");
        for (String name : Paging.page(names, input, output, 100)) {
            archives.add(summary(require(name)));
        }
        return output;
    }

    /** UpdateArchive: description, pattern and retention; the events already archived stay. */
    ObjectNode update(ObjectNode input) {
        String name = Params.name(input, "ArchiveName", Params.ARCHIVE_NAME, 48);
        Records.Archive archive = require(name);
        String pattern = input.has("EventPattern") ? Params.optional(input, "EventPattern") : archive.eventPattern();
        if (pattern != null && input.has("EventPattern")) {
            EventPattern.compile(pattern);
        }
        int retention = archive.retentionDays();
        if (input.hasNonNull("RetentionDays")) {
            retention = input.get("RetentionDays").asInt();
            if (retention < 0) {
                throw Params.validation("Value '" + retention + "' at 'retentionDays' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0");
            }
        }
        String description = input.has("Description") ? Params.optional(input, "Description")
                : archive.description();
        synchronized (state.store.archives) {
            Records.Archive current = require(name);
            state.store.write(state.store.archives, name, new Records.Archive(name, current.sourceArn(), description,
                    pattern, retention, current.createdMillis(), current.eventCount(), current.sizeBytes()));
        }
        state.store.commit();
        return EventJson.object()
                .put("ArchiveArn", state.arns.archive(name))
                .put("State", "ENABLED")
                .put("CreationTime", EventJson.epochSeconds(Instant.ofEpochMilli(archive.createdMillis())));
    }

    ObjectNode delete(ObjectNode input) {
        String name = Params.name(input, "ArchiveName", Params.ARCHIVE_NAME, 48);
        require(name);
        state.store.archives.remove(name);
        EventBridgeStore.keysWithPrefix(state.store.archivedEvents, name + '\u0001')
                .forEach(state.store.archivedEvents::remove);
        state.store.commit();
        return EventJson.object();
    }

    /**
     * Drops the archive's events older than its RetentionDays on the clock (by event time; 0 keeps them forever),
     * with their count and size. Run before an archive is described, listed or replayed, so what those show and
     * send is what AWS would still hold.
     */
    static void expire(EventBridgeState state, String name) {
        synchronized (state.store.archives) {
            Records.Archive archive = state.store.read(state.store.archives, name, Records.Archive.class).orElse(null);
            if (archive == null || archive.retentionDays() <= 0) {
                return;
            }
            long oldest = state.clock.now().minus(Duration.ofDays(archive.retentionDays())).toEpochMilli();
            String first = EventBridgeStore.archivedEventKey(name, oldest, "");
            long count = 0;
            long bytes = 0;
            for (String key : EventBridgeStore.keysWithPrefix(state.store.archivedEvents, name + '\u0001')) {
                if (key.compareTo(first) >= 0) {
                    break;
                }
                Records.ArchivedEvent event = state.store.read(state.store.archivedEvents, key,
                        Records.ArchivedEvent.class).orElseThrow();
                state.store.archivedEvents.remove(key);
                count++;
                bytes += event.event().length();
            }
            if (count > 0) {
                state.store.write(state.store.archives, name, new Records.Archive(name, archive.sourceArn(),
                        archive.description(), archive.eventPattern(), archive.retentionDays(), archive.createdMillis(),
                        Math.max(0, archive.eventCount() - count), Math.max(0, archive.sizeBytes() - bytes)));
                state.store.commit();
            }
        }
    }

    Records.Archive require(String name) {
        return state.store.read(state.store.archives, name, Records.Archive.class)
                .orElseThrow(() -> Params.notFound("Archive " + name + " does not exist."));
    }

    private static ObjectNode summary(Records.Archive archive) {
        return EventJson.object()
                .put("ArchiveName", archive.name())
                .put("EventSourceArn", archive.sourceArn())
                .put("State", "ENABLED")
                .put("RetentionDays", archive.retentionDays())
                .put("SizeBytes", archive.sizeBytes())
                .put("EventCount", archive.eventCount())
                .put("CreationTime", EventJson.epochSeconds(Instant.ofEpochMilli(archive.createdMillis())));
    }
}
