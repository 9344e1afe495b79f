package io.nagare.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.EventSchemaVersion.Example;
import io.nagare.schemas.EventSchemaVersion.ExpectedError;
import io.nagare.schemas.EventSchemaVersion.InvalidExample;

/** Reads the registry's folder layout; every error names the file. */
final class SchemaFiles {

    private static final Pattern VERSION_DIR = Pattern.compile("v([1-9][0-9]*)");
    private static final Pattern DETAIL_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private SchemaFiles() {
    }

    static List<EventType> readAll(Path eventsDirectory) {
        if (!Files.isDirectory(eventsDirectory)) {
            throw new SchemaRegistryException("not a folder of event schemas: " + eventsDirectory);
        }
        List<EventType> types = new ArrayList<>();
        for (Path dir : list(eventsDirectory)) {
            if (Files.isDirectory(dir) && !dir.getFileName().toString().startsWith(".")) {
                types.add(readType(dir));
            }
        }
        return types;
    }

    private static EventType readType(Path dir) {
        String name = fileName(dir);
        if (!DETAIL_TYPE.matcher(name).matches()) {
            throw new SchemaRegistryException(dir + ": folder name must be the detail-type in PascalCase");
        }
        Path metaFile = dir.resolve("event.json");
        JsonNode meta = read(metaFile);
        String detailType = text(meta, "detailType", metaFile);
        if (!detailType.equals(name)) {
            throw new SchemaRegistryException(metaFile + ": detailType '" + detailType
                    + "' differs from its folder name '" + name + "'");
        }
        CompatibilityMode mode;
        String modeText = meta.path("compatibility").asText("BACKWARD");
        try {
            mode = CompatibilityMode.valueOf(modeText);
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException(metaFile + ": compatibility '" + modeText + "' is not one of "
                    + List.of(CompatibilityMode.values()));
        }
        List<EventSchemaVersion> versions = new ArrayList<>();
        for (Path versionDir : list(dir)) {
            Matcher matcher = VERSION_DIR.matcher(fileName(versionDir));
            if (Files.isDirectory(versionDir) && matcher.matches()) {
                versions.add(readVersion(detailType, Integer.parseInt(matcher.group(1)), versionDir));
            }
        }
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).version() != i + 1) {
                throw new SchemaRegistryException(dir + ": versions must be v1, v2, ... without gaps; missing v" + (i + 1));
            }
        }
        if (versions.isEmpty()) {
            throw new SchemaRegistryException(dir + ": no version folder (v1, v2, ...)");
        }
        return new EventType(detailType, text(meta, "source", metaFile), text(meta, "owner", metaFile), mode,
                meta.path("description").asText(""), versions);
    }

    private static EventSchemaVersion readVersion(String detailType, int version, Path dir) {
        JsonNode schema = read(dir.resolve("schema.json"));
        List<Example> valid = new ArrayList<>();
        for (Path file : jsonFiles(dir.resolve("examples").resolve("valid"))) {
            valid.add(new Example(exampleName(file), read(file)));
        }
        List<InvalidExample> invalid = new ArrayList<>();
        for (Path file : jsonFiles(dir.resolve("examples").resolve("invalid"))) {
            JsonNode example = read(file);
            if (!example.has("data") || !example.path("expectedErrors").isArray()) {
                throw new SchemaRegistryException(file + ": an invalid example is {description, data, expectedErrors: [...]}");
            }
            List<ExpectedError> errors = new ArrayList<>();
            for (JsonNode error : example.get("expectedErrors")) {
                errors.add(new ExpectedError(error.path("pointer").asText(""), text(error, "keyword", file),
                        error.hasNonNull("property") ? error.get("property").asText() : null));
            }
            invalid.add(new InvalidExample(exampleName(file), example.path("description").asText(""),
                    example.get("data"), errors));
        }
        return new EventSchemaVersion(detailType, version, schema, valid, invalid);
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SchemaRegistryException("missing file " + file);
        }
        try {
            return SchemaJson.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SchemaRegistryException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SchemaRegistryException(file + ": '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return list(dir).stream().filter(p -> fileName(p).endsWith(".json")).toList();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted((a, b) -> fileName(a).compareTo(fileName(b))).toList();
        } catch (IOException e) {
            throw new SchemaRegistryException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String exampleName(Path file) {
        String name = fileName(file);
        return name.substring(0, name.length() - ".json".length());
    }

    private static String fileName(Path path) {
        // Zip file systems keep a trailing slash on folder names.
        return path.getFileName().toString().replace("/", "");
    }
}
