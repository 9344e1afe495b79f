package io.nagare.schemas.codegen;

import java.util.List;

import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.codegen.TypeModel.ObjectType;

/**
 * One event version ready for a generator: its payload type and the object and enum types it uses, in the order
 * the schema first mentions them.
 */
record EventModel(EventType type, EventSchemaVersion version, ObjectType payload, List<TypeModel> namedTypes) {

    EventModel {
        namedTypes = List.copyOf(namedTypes);
    }

    static EventModel of(EventType type, EventSchemaVersion version) {
        return SchemaReader.read(type, version);
    }
}
