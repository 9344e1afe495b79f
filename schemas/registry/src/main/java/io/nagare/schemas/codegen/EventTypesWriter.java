package io.nagare.schemas.codegen;

import java.util.List;
import java.util.stream.Collectors;

import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;

/** Writes {@code EventTypes}: the generated record class of each detail-type and version, for dispatch by name. */
final class EventTypesWriter {

    private EventTypesWriter() {
    }

    static String write(SchemaRegistry registry, String packageName) {
        List<EventType> types = registry.eventTypes();
        String entries = types.stream().map(type -> "            Map.entry(" + JavaText.literal(type.detailType())
                + ", List.<Class<? extends Record>>of(\n" + type.versions().stream()
                .map(version -> "                    " + JavaGenerator.packageName(type, version) + "."
                        + type.detailType() + ".class")
                .collect(Collectors.joining(",\n")) + "))")
                .collect(Collectors.joining(",\n"));
        return "// Generated from the event schema registry by io.nagare.schemas.codegen. Do not edit.\n"
                + "package " + packageName + ";\n"
                + "\n"
                + "import java.util.List;\n"
                + "import java.util.Map;\n"
                + "import java.util.Optional;\n"
                + "import java.util.Set;\n"
                + "\n"
                + "/**\n"
                + " * The generated record of every event type and version, so code that receives an event by name\n"
                + " * ({@code detail-type} and version) can read its payload into the right type.\n"
                + " */\n"
                + "public final class EventTypes {\n"
                + "\n"
                + "    /** Records by detail-type; the record of version N is at index N - 1. */\n"
                + "    private static final Map<String, List<Class<? extends Record>>> VERSIONS = Map.ofEntries(\n"
                + entries + (entries.isEmpty() ? "" : "\n") + "    );\n"
                + "\n"
                + "    private EventTypes() {\n"
                + "    }\n"
                + "\n"
                + "    /** The record of {@code detailType} version {@code version}; empty when either is unknown. */\n"
                + "    public static Optional<Class<? extends Record>> recordClass(String detailType, int version) {\n"
                + "        List<Class<? extends Record>> versions = VERSIONS.getOrDefault(detailType, List.of());\n"
                + "        return version >= 1 && version <= versions.size()\n"
                + "                ? Optional.of(versions.get(version - 1))\n"
                + "                : Optional.empty();\n"
                + "    }\n"
                + "\n"
                + "    /** The record of the latest version of {@code detailType}; empty when the type is unknown. */\n"
                + "    public static Optional<Class<? extends Record>> latest(String detailType) {\n"
                + "        List<Class<? extends Record>> versions = VERSIONS.getOrDefault(detailType, List.of());\n"
                + "        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));\n"
                + "    }\n"
                + "\n"
                + "    /** Every detail-type that has generated records. */\n"
                + "    public static Set<String> detailTypes() {\n"
                + "        return VERSIONS.keySet();\n"
                + "    }\n"
                + "}\n";
    }
}
