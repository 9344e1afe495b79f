package io.nagare.schemas.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;

/** One record per event type and version, in {@code io.nagare.events.<owner>.v<N>}, plus the {@code EventTypes} index. */
final class JavaGenerator {

    static final String BASE_PACKAGE = "io.nagare.events";

    private JavaGenerator() {
    }

    static List<GeneratedFile> generate(SchemaRegistry registry) {
        List<GeneratedFile> files = new ArrayList<>();
        for (EventType type : registry.eventTypes()) {
            for (EventSchemaVersion version : type.versions()) {
                String packageName = packageName(type, version);
                String source = JavaRecordWriter.write(EventModel.of(type, version), packageName);
                files.add(new GeneratedFile(packageName.replace('.', '/') + "/" + type.detailType() + ".java", source));
            }
        }
        files.add(new GeneratedFile(BASE_PACKAGE.replace('.', '/') + "/EventTypes.java",
                EventTypesWriter.write(registry, BASE_PACKAGE)));
        return files;
    }

    /** {@code io.nagare.events.orders.v2} for OrderPlaced v2 owned by {@code orders}. */
    static String packageName(EventType type, EventSchemaVersion version) {
        String owner = type.owner().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (owner.isEmpty() || !Character.isLetter(owner.charAt(0))) {
            owner = "_" + owner;
        }
        return BASE_PACKAGE + "." + owner + ".v" + version.version();
    }
}
