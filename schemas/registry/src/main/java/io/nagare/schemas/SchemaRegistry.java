package io.nagare.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The event schema registry: every event type under {@code schemas/events}, each with its versions and examples.
 * Read it from a folder ({@link #load(Path)}, what the CLI does on a checkout) or from the copy packed in this
 * module's jar ({@link #fromClasspath()}, what tests and the runtime do).
 *
 * <p>Folder layout: {@code <DetailType>/event.json} (metadata), {@code <DetailType>/v<N>/schema.json},
 * {@code <DetailType>/v<N>/examples/valid/*.json} (payloads) and {@code .../examples/invalid/*.json}
 * ({@code {description, data, expectedErrors}}).
 */
public final class SchemaRegistry {

    /** Base of every schema's {@code $id}: {@code <base><DetailType>/v<N>}. */
    public static final String SCHEMA_ID_BASE = "https://schemas.nagare.io/events/";

    static final String CLASSPATH_ROOT = "nagare/schemas/events";

    private final Path root;
    private final Map<String, EventType> types;

    private SchemaRegistry(Path root, Map<String, EventType> types) {
        this.root = root;
        this.types = Collections.unmodifiableMap(types);
    }

    /** Reads every event type under {@code eventsDirectory}; fails naming the first file that is wrong. */
    public static SchemaRegistry load(Path eventsDirectory) {
        Map<String, EventType> types = new TreeMap<>();
        for (EventType type : SchemaFiles.readAll(eventsDirectory)) {
            types.put(type.detailType(), type);
        }
        return new SchemaRegistry(eventsDirectory, types);
    }

    /** The registry packed in this module's jar (a copy of {@code schemas/events} at build time). */
    public static SchemaRegistry fromClasspath() {
        URL readme = SchemaRegistry.class.getClassLoader().getResource(CLASSPATH_ROOT + "/README.md");
        if (readme == null) {
            throw new SchemaRegistryException("no schema registry on the classpath (" + CLASSPATH_ROOT
                    + "/README.md missing): is nagare-schema-registry built?");
        }
        try {
            URI uri = readme.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException notOpenYet) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                return load(jar.provider().getPath(uri).getParent());
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new SchemaRegistryException("cannot locate the packed registry at " + readme, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the packed registry at " + readme, e);
        }
    }

    /** The folder the registry was read from. */
    public Path root() {
        return root;
    }

    /** Every event type, by detail-type in alphabetical order. */
    public List<EventType> eventTypes() {
        return List.copyOf(types.values());
    }

    public Optional<EventType> eventType(String detailType) {
        return Optional.ofNullable(types.get(detailType));
    }

    /**
     * The schema version an event names, or the latest when it names none.
     *
     * @throws SchemaRegistryException naming what is known when the type or version is unknown
     */
    public EventSchemaVersion resolve(String detailType, Integer version) {
        EventType type = types.get(detailType);
        if (type == null) {
            throw new SchemaRegistryException("unknown event type '" + detailType + "'; known types: "
                    + String.join(", ", types.keySet()));
        }
        if (version == null) {
            return type.latest();
        }
        return type.version(version).orElseThrow(() -> new SchemaRegistryException("unknown version " + version
                + " of " + detailType + "; known versions: " + type.versions().stream()
                .map(v -> "v" + v.version()).collect(Collectors.joining(", "))));
    }
}
