package io.nagare.schemas.codegen;

import java.util.ArrayList;
import java.util.List;

import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;

/**
 * TypeScript declarations for partners: one module per event type and version ({@code OrderPlaced/v2.d.ts}) and an
 * {@code index.d.ts} that maps every detail-type and version to its payload type.
 */
final class TypeScriptGenerator {

    private TypeScriptGenerator() {
    }

    static List<GeneratedFile> generate(SchemaRegistry registry) {
        List<GeneratedFile> files = new ArrayList<>();
        for (EventType type : registry.eventTypes()) {
            for (EventSchemaVersion version : type.versions()) {
                files.add(new GeneratedFile(modulePath(type, version) + ".d.ts",
                        TypeScriptModuleWriter.write(EventModel.of(type, version))));
            }
        }
        files.add(new GeneratedFile("index.d.ts", index(registry)));
        return files;
    }

    private static String modulePath(EventType type, EventSchemaVersion version) {
        return type.detailType() + "/v" + version.version();
    }

    private static String namespace(EventSchemaVersion version) {
        return version.detailType() + "V" + version.version();
    }

    private static String index(SchemaRegistry registry) {
        StringBuilder imports = new StringBuilder();
        List<String> namespaces = new ArrayList<>();
        StringBuilder payloads = new StringBuilder();
        StringBuilder latest = new StringBuilder();
        for (EventType type : registry.eventTypes()) {
            payloads.append("  ").append(type.detailType()).append(": {\n");
            for (EventSchemaVersion version : type.versions()) {
                String namespace = namespace(version);
                imports.append("import type * as ").append(namespace).append(" from \"./")
                        .append(modulePath(type, version)).append("\";\n");
                namespaces.add(namespace);
                payloads.append("    ").append(version.version()).append(": ").append(namespace).append('.')
                        .append(type.detailType()).append(";\n");
            }
            payloads.append("  };\n");
            latest.append("  ").append(type.detailType()).append(": ").append(namespace(type.latest())).append('.')
                    .append(type.detailType()).append(";\n");
        }
        return "// Generated from the Nagare event schema registry (nagare schemas generate --lang typescript). Do not edit.\n"
                + "//\n"
                + "// Each event's payload is the EventBridge `detail` or the CloudEvents `data`; a CloudEvent's `type` is the\n"
                + "// detail-type. Import one version's types with `import type { OrderPlaced } from \"./OrderPlaced/v2\"`.\n"
                + (imports.length() == 0 ? "" : "\n" + imports)
                + (namespaces.isEmpty() ? "" : "\nexport type {\n  " + String.join(",\n  ", namespaces) + ",\n};\n")
                + "\n"
                + "/** The payload type of every event, by detail-type and then version. */\n"
                + "export interface EventPayloads {\n" + payloads + "}\n"
                + "\n"
                + "/** The payload type of the latest version of every event, by detail-type. */\n"
                + "export interface LatestEventPayloads {\n" + latest + "}\n"
                + "\n"
                + "/** Every detail-type (CloudEvents `type`) the registry knows. */\n"
                + "export type DetailType = keyof EventPayloads;\n";
    }
}
