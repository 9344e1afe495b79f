package io.nagare.schemas.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.nagare.schemas.SchemaRegistry;

/**
 * The build step of {@code nagare-events}: {@code GenerateJavaMain <outDir> [<eventsDir>]} writes the Java records
 * of every schema version into {@code outDir}, read from {@code eventsDir} or else from the registry on the
 * classpath. Java files left from types or versions that no longer exist are deleted, so they cannot linger in
 * the jar.
 */
public final class GenerateJavaMain {

    private GenerateJavaMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: GenerateJavaMain <outDir> [<eventsDir>]");
        }
        Path out = Path.of(args[0]);
        SchemaRegistry registry = args.length == 2 ? SchemaRegistry.load(Path.of(args[1])) : SchemaRegistry.fromClasspath();
        List<GeneratedFile> files = TargetLanguage.JAVA.generate(registry);
        deleteStale(out, files);
        files.forEach(file -> file.writeTo(out));
        long records = registry.eventTypes().stream().mapToLong(type -> type.versions().size()).sum();
        System.out.println("nagare: generated " + records + " event records from " + registry.eventTypes().size()
                + " event types into " + out);
    }

    private static void deleteStale(Path out, List<GeneratedFile> files) {
        if (!Files.isDirectory(out)) {
            return;
        }
        Set<Path> current = files.stream().map(file -> out.resolve(file.path()).normalize()).collect(Collectors.toSet());
        try (Stream<Path> existing = Files.walk(out)) {
            for (Path file : existing.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!current.contains(file.normalize())) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + out + ": " + e.getMessage(), e);
        }
    }
}
