package io.nagare.infra.eventing;

import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awscdk.services.eventschemas.CfnRegistry;
import software.amazon.awscdk.services.eventschemas.CfnSchema;
import software.constructs.Construct;

/**
 * The EventBridge schema registry holding every version of every event type in {@code schemas/}, so the schemas are
 * browsable and code-bindable in the console and for partners. EventBridge keeps one schema per name with its own
 * version history; publishing each of Nagare's versions under its own name ({@code OrderPlaced.v2}) keeps every
 * version there at once, whatever order they are deployed in.
 */
public final class EventSchemaRegistry extends Construct {

    static final String TYPE = "JSONSchemaDraft4";

    private final CfnRegistry registry;

    public EventSchemaRegistry(Construct scope, String id, String registryName, SchemaRegistry schemas) {
        super(scope, id);
        registry = CfnRegistry.Builder.create(this, "Registry")
                .registryName(registryName)
                .description("Nagare event schemas (converted from JSON Schema 2020-12 to draft-04)")
                .build();
        for (EventType type : schemas.eventTypes()) {
            for (EventSchemaVersion version : type.versions()) {
                String name = type.detailType() + ".v" + version.version();
                CfnSchema.Builder.create(this, name)
                        .registryName(registry.getAttrRegistryName())
                        .schemaName(name)
                        .type(TYPE)
                        .description(type.source() + " " + type.detailType() + " v" + version.version()
                                + " (owner: " + type.owner() + ")")
                        .content(JsonSchemaDraft4.convert(version.schema(), version.label()).toString())
                        .build();
            }
        }
    }

    public String registryName() {
        return registry.getAttrRegistryName();
    }
}
