package io.nagare.local.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Which AWS CLI the CLI tests run, and what they do when there is none. */
class AwsCliTest {

    @TempDir
    Path directory;

    @Test
    void find_shouldPreferDebiansCli_overAnEarlierOneOnPath() throws IOException {
        Path debian = executable(directory.resolve("usr-bin"), "aws");
        Path shim = executable(directory.resolve("shims"), "aws");

        assertThat(AwsCli.find(debian, shim.getParent().toString())).contains(debian);
    }

    @Test
    void find_shouldTakeTheFirstOnPath_whenDebiansCliIsMissing() throws IOException {
        Path first = executable(directory.resolve("first"), "aws");
        executable(directory.resolve("second"), "aws");
        String path = directory.resolve("empty") + File.pathSeparator + first.getParent() + File.pathSeparator
                + directory.resolve("second");

        assertThat(AwsCli.find(directory.resolve("no-such-aws"), path)).contains(first);
    }

    @Test
    void find_shouldFindNone_whenNeitherExists() {
        assertThat(AwsCli.find(directory.resolve("no-such-aws"), directory.toString())).isEmpty();
        assertThat(AwsCli.find(directory.resolve("no-such-aws"), null)).isEmpty();
    }

    @Test
    void missing_shouldFailTheTest_whenTheCliIsRequired() {
        assertThatThrownBy(() -> AwsCli.missing("1")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(AwsCli.REQUIRE + "=1 requires it");
    }

    @Test
    void missing_shouldSkipTheTest_whenTheCliIsNotRequired() {
        assertThatThrownBy(() -> AwsCli.missing(null)).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> AwsCli.missing("0")).isInstanceOf(TestAbortedException.class);
    }

    private static Path executable(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createFile(directory.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        return file;
    }
}
