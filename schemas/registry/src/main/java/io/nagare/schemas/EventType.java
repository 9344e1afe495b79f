package io.nagare.schemas;

import java.util.List;
import java.util.Optional;

/**
 * One event type of the registry and all its schema versions, oldest first.
 *
 * @param detailType    the EventBridge {@code detail-type}, which is also the CloudEvents {@code type}
 * @param source        the {@code source} the event is published under
 * @param owner         the bounded context (domain) that owns the schema
 * @param compatibility how versions must relate to each other
 * @param description   what the event means, for the catalog
 * @param versions      every version, ascending; never empty
 */
public record EventType(String detailType, String source, String owner, CompatibilityMode compatibility,
                        String description, List<EventSchemaVersion> versions) {

    public EventType {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException(detailType + " has no schema version");
        }
    }

    public EventSchemaVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public Optional<EventSchemaVersion> version(int version) {
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }
}
