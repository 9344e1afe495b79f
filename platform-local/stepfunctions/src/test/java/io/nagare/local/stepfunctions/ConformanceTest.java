package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Runs every case of {@code stepfunctions/cases.jsonl} (recorded against AWS) through the API and checks the final
 * status and output, or error and cause. Cases that cannot pass yet are listed, with the reason, in
 * {@code conformance-known-failures.json}; such a case that starts passing fails the test until it is removed there.
 *
 * <p>The recordings come from LocalStack's snapshots, whose transformers replaced some values: a random number by
 * {@code RandomNumberGenerated}, a UUID by {@code generated-uuid}, a JSON input inside a cause by
 * {@code <json-input:N>}. Those placeholders match any value of that kind.
 */
class ConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger KNOWN = new AtomicInteger();
    private static LocalStepFunctions local;
    private static int total;

    @BeforeAll
    static void start() {
        local = LocalStepFunctions.inline();
    }

    @AfterAll
    static void report() {
        System.out.println("Step Functions conformance: " + PASSED.get() + " of " + total + " cases pass; "
                + KNOWN.get() + " listed as known failures");
        local.close();
    }

    @TestFactory
    Stream<DynamicTest> recordedCase_shouldEndAsOnAws_whenRunThroughTheApi() throws IOException {
        Path file = conformanceDirectory().resolve("stepfunctions/cases.jsonl");
        List<JsonNode> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                cases.add(JSON.readTree(line));
            }
        }
        total = cases.size();
        JsonNode known = knownFailures();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode testCase = cases.get(i);
            String id = testCase.get("id").textValue();
            String name = "case" + i;
            JsonNode reason = known.get(id);
            String display = i + " " + id.substring(id.indexOf("::") + 2) + (reason == null ? "" : " [known failure]");
            tests.add(DynamicTest.dynamicTest(display, () -> {
                String mismatch = run(name, testCase);
                if (reason == null) {
                    assertThat(mismatch).as(id).isNull();
                    PASSED.incrementAndGet();
                } else {
                    KNOWN.incrementAndGet();
                    assertThat(mismatch).as("%s passes now: remove it from conformance-known-failures.json", id)
                            .isNotNull();
                }
            }));
        }
        return tests.stream();
    }

    /** Runs one case; returns null when it ends as recorded, else what differs. */
    private static String run(String name, JsonNode testCase) throws IOException {
        String arn = local.createStateMachine(name, JSON.writeValueAsString(testCase.get("definition")));
        JsonNode input = testCase.get("input");
        String inputText = input.isTextual() ? input.textValue() : JSON.writeValueAsString(input);
        String executionArn = local.start(arn, inputText);
        DescribeExecutionResponse described = local.awaitEnd(executionArn, Duration.ofMinutes(10));
        String expectedStatus = testCase.get("status").textValue();
        if (!described.statusAsString().equals(expectedStatus)) {
            return "status " + described.statusAsString() + " (error " + described.error() + ", cause "
                    + described.cause() + "), expected " + expectedStatus;
        }
        if (expectedStatus.equals("SUCCEEDED")) {
            JsonNode expected = testCase.get("output");
            if (expected.isTextual()) {
                expected = JSON.readTree(expected.textValue());
            }
            JsonNode actual = JSON.readTree(described.output());
            return equivalent(expected, actual) ? null : "output " + actual + ", expected " + expected;
        }
        String error = text(testCase, "error");
        String cause = text(testCase, "cause");
        if (!matches(error, described.error()) || !matches(cause, described.cause())) {
            return "error " + described.error() + " / cause " + described.cause() + ", expected " + error + " / " + cause;
        }
        return null;
    }

    private static boolean equivalent(JsonNode expected, JsonNode actual) {
        if (expected.isTextual() && expected.textValue().equals("RandomNumberGenerated")) {
            return actual.isIntegralNumber();
        }
        if (expected.isTextual() && expected.textValue().equals("generated-uuid")) {
            return actual.isTextual() && UUID.matcher(actual.textValue()).matches();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!actual.has(field.getKey()) || !equivalent(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!equivalent(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean matches(String expected, String actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        String[] parts = expected.split("<json-input:\\d+>", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static JsonNode knownFailures() throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance-known-failures.json")) {
            return in == null ? JSON.createObjectNode() : JSON.readTree(in);
        }
    }

    /**
     * {@code nagare.conformance.dir}, else {@code <repo>/../shared/conformance} when it exists, else
     * {@code <repo>/conformance}; the repository is the first directory up from here that holds {@code mvnw}.
     */
    static Path conformanceDirectory() {
        String configured = System.getProperty("nagare.conformance.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.exists(repo.resolve("mvnw"))) {
            repo = repo.getParent();
        }
        if (repo == null) {
            throw new UncheckedIOException(new IOException("no directory above " + Path.of("").toAbsolutePath()
                    + " holds mvnw; set -Dnagare.conformance.dir"));
        }
        Path shared = repo.resolve("../shared/conformance").normalize();
        return Files.isDirectory(shared) ? shared : repo.resolve("conformance");
    }
}
