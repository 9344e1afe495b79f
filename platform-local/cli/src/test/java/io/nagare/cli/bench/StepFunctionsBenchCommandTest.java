package io.nagare.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StepFunctionsBenchCommandTest {

    private static String run(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new StepFunctionsBenchCommand()).execute(args);
        } finally {
            System.setOut(original);
        }
        assertThat(exit).as(captured.toString(StandardCharsets.UTF_8)).isZero();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void call_shouldRunTheDefaultSagaDurablyAndReportTransitionsPerSecond() {
        String output = run("--executions", "40", "--runs", "1", "--warmup", "0", "--concurrency", "4");

        assertThat(output).contains("default order saga", "durable store", "full history");
        assertThat(output).containsPattern("median: [\\d,]+ executions/s, [\\d,]+ state transitions/s "
                + "\\(12 transitions per execution\\)");
    }

    @Test
    void call_shouldRunADefinitionFromAFileInMemory(@TempDir Path directory) throws Exception {
        Path definition = directory.resolve("two-states.asl.json");
        Files.writeString(definition, """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}""");

        String output = run("--definition", definition.toString(), "--executions", "20", "--runs", "1",
                "--warmup", "0", "--in-memory");

        assertThat(output).contains("in-memory store").contains("(2 transitions per execution)");
    }

    @Test
    void call_shouldRefuseTheRun_whenCountsAreNotPositive() {
        int exit = new CommandLine(new StepFunctionsBenchCommand()).execute("--executions", "0");

        assertThat(exit).isEqualTo(2);
    }
}
