package io.nagare.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DynamoDbBenchCommandTest {

    @Test
    void call_shouldLoadTheTableAndReportEveryOperation_whenRunAgainstTheInProcessEndpoint() {
        String output = runSuccessfully("--items", "60", "--concurrency", "2",
                "--duration", "1", "--warmup", "0", "--query-percent", "20");

        assertThat(output).contains("loaded 60 items").contains("runtime in this JVM").contains("sdk client");
        assertThat(output).containsPattern("GetItem\\s+[\\d,]+\\s+[\\d,]+\\s+\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d")
                .containsPattern("PutItem\\s+[\\d,]+").containsPattern("Query\\s+[\\d,]+").containsPattern("total\\s+[1-9]");
    }

    @Test
    void call_shouldDriveTheEndpointOverRawHttp_whenTheClientIsHttp() {
        String output = runSuccessfully("--items", "30", "--concurrency", "2",
                "--duration", "1", "--warmup", "0", "--client", "http");

        assertThat(output).contains("http client").containsPattern("total\\s+[1-9]");
    }

    @Test
    void call_shouldDriveTheSdkThroughTheInProcessTransport_whenTheClientIsInProcess() {
        String output = runSuccessfully("--items", "30", "--concurrency", "2",
                "--duration", "1", "--warmup", "0", "--client", "in-process");

        assertThat(output).contains("in-process client").contains("no socket").contains("loaded 30 items")
                .containsPattern("total\\s+[1-9]").containsPattern("CPU of this JVM per operation: \\d+ us");
    }

    @Test
    void call_shouldRefuseTheRun_whenAnInProcessClientIsGivenAnEndpoint() {
        int exit = new CommandLine(new DynamoDbBenchCommand()).execute("--client", "in-process", "--endpoint",
                "http://localhost:4566");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void call_shouldRefuseTheRun_whenTheQueryShareIsNotAPercentage() {
        int exit = new CommandLine(new DynamoDbBenchCommand()).execute("--query-percent", "120");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void percentileMillis_shouldPickTheNearestRankSample() {
        long[] sorted = {1_000_000, 2_000_000, 3_000_000, 4_000_000};

        assertThat(DynamoDbLatencies.percentileMillis(sorted, 50)).isEqualTo(2.0);
        assertThat(DynamoDbLatencies.percentileMillis(sorted, 99)).isEqualTo(4.0);
        assertThat(DynamoDbLatencies.percentileMillis(new long[0], 99)).isZero();
    }

    /** Runs the command with these arguments, asserts it exits 0, and returns what it printed. */
    private static String runSuccessfully(String... arguments) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new DynamoDbBenchCommand()).execute(arguments);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        return output;
    }
}
