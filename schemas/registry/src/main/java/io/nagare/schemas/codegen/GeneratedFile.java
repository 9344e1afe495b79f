package io.nagare.schemas.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file a generator produced.
 *
 * @param path    relative to the output folder, with {@code /} separators ({@code io/nagare/events/EventTypes.java})
 * @param content the file's text, written as UTF-8
 */
public record GeneratedFile(String path, String content) {

    /** Writes the file under {@code directory}, creating folders as needed; returns where it went. */
    public Path writeTo(Path directory) {
        Path target = directory.resolve(path);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
