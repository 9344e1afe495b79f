package io.nagare.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EventBridgeBenchCommandTest {

    @Test
    void call_shouldDeliverEveryEventAndReportBothBuses_whenRunAgainstTheInProcessEndpoint() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new EventBridgeBenchCommand()).execute("--rules", "2,30", "--events", "200",
                    "--runs", "1", "--warmup", "0", "--concurrency", "4");
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("in-process").contains("bus with 30 rules ready")
                .containsPattern("run 1,\\s+2 rules:\\s+[\\d,]+ events/s delivered .* \\d+ us CPU per event "
                        + "\\(client and runtime\\)")
                .containsPattern("median,\\s+30 rules:\\s+[\\d,]+ events/s delivered \\(\\d+% of the 2-rule median\\)")
                .doesNotContain("refused").doesNotContain("twice");
    }

    @Test
    void call_shouldRefuseTheRun_whenABusWouldHaveNoRules() {
        int exit = new CommandLine(new EventBridgeBenchCommand()).execute("--rules", "10,0");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void median_shouldAverageTheMiddleTwo_whenTheCountIsEven() {
        assertThat(EventBridgeBenchCommand.median(List.of(4.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(EventBridgeBenchCommand.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }
}
