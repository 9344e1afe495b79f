package io.nagare.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/**
 * Every case of {@code eventbridge/patterns.jsonl} (recorded against AWS) through TestEventPattern over the AWS
 * SDK: the match result, or InvalidEventPatternException with AWS's message.
 */
class EventPatternConformanceTest {

    private static LocalEventBridge eventBridge;

    @BeforeAll
    static void start() {
        eventBridge = new LocalEventBridge(null);
    }

    @AfterAll
    static void stop() {
        eventBridge.close();
    }

    @Test
    void testEventPattern_shouldAnswerAsAws_forEveryConformanceCase() throws IOException {
        Path file = conformanceDirectory().resolve("eventbridge/patterns.jsonl");
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            total++;
            JsonNode testCase = EventJson.parse(line);
            String expected = testCase.get("expected").isTextual()
                    ? testCase.get("code").asText() + ": " + testCase.get("message").asText()
                    : testCase.get("expected").toString();
            String actual = run(testCase);
            if (!expected.equals(actual)) {
                failures.add(testCase.get("id").asText() + ": expected " + expected + " but was " + actual);
            }
        }
        System.out.println("eventbridge conformance: " + (total - failures.size()) + "/" + total + " passed");
        assertThat(total).isGreaterThanOrEqualTo(70);
        assertThat(failures).isEmpty();
    }

    private static String run(JsonNode testCase) {
        try {
            return String.valueOf(eventBridge.client.testEventPattern(request -> request
                    .eventPattern(EventJson.write(testCase.get("pattern")))
                    .event(EventJson.write(testCase.get("event")))).result());
        } catch (EventBridgeException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    /** {@code nagare.conformance.dir}, else {@code <repo>/../shared/conformance}, else {@code <repo>/conformance}. */
    static Path conformanceDirectory() {
        String configured = System.getProperty("nagare.conformance.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.exists(repo.resolve("mvnw"))) {
            repo = repo.getParent();
        }
        if (repo == null) {
            throw new IllegalStateException("no repository (a folder with mvnw) above " + Path.of("").toAbsolutePath());
        }
        Path shared = repo.resolve("../shared/conformance").normalize();
        return Files.isDirectory(shared) ? shared : repo.resolve("conformance");
    }
}
