package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import software.amazon.awscdk.Stack;

/**
 * One snapshot per stack (dev, test model; the recovery Region's from staging; the pipeline): the committed template under {@code src/test/resources/snapshots}, with
 * asset hashes (which change with every build of a package) normalized. A deliberate change is recorded with
 * {@code -Dnagare.snapshots.update=true}, and the diff reviewed in the commit.
 */
class StackSnapshotTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * Every stack of dev, plus the recovery Region's, which only environments with replicas have (staging's), and the
     * delivery pipeline's.
     */
    static Stream<Stack> stacks() {
        return Stream.concat(PlatformFixture.dev().stacks().stream(),
                Stream.of(PlatformFixture.platform(PlatformEnvironment.STAGING).replica(),
                        DeliveryPipelineTest.pipeline()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void template_shouldMatchItsSnapshot_whenSynthesized(Stack stack) throws IOException {
        String actual = normalize(JSON.writeValueAsString(PlatformFixture.template(stack).toJSON())) + "\n";
        Path snapshot = SNAPSHOTS.resolve(stack.getStackName() + ".json");
        if (Boolean.getBoolean("nagare.snapshots.update")) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(snapshot, actual);
        }
        assertThat(snapshot).as("snapshot of %s missing; record it with -Dnagare.snapshots.update=true",
                stack.getStackName()).exists();
        assertThat(actual).as("%s differs from its snapshot; if the change is intended, record it with "
                + "-Dnagare.snapshots.update=true", stack.getStackName()).isEqualTo(Files.readString(snapshot));
    }

    /** Asset hashes and the bootstrap version check depend on the build, not on the platform. */
    static String normalize(String template) {
        return template.replaceAll("[0-9a-f]{64}", "<asset-hash>");
    }
}
