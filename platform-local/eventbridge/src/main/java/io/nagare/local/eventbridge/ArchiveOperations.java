package io.nagare.local.eventbridge;

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
        Records.Archive archive = require(Params.name(input, "ArchiveName", Params.ARCHIVE_NAME, 48));
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
        for (String name : state.store.archives.keySet()) {
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
        state.store.write(state.store.archives, name, new Records.Archive(name, archive.sourceArn(), description,
                pattern, retention, archive.createdMillis(), archive.eventCount(), archive.sizeBytes()));
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
