package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.sqs.model.Message;

class KillTest {

    private static final int ACKS_BEFORE_KILL = 200;

    @TempDir
    Path dataDirectory;

    @Test
    void killMinus9_shouldLoseNoAcknowledgedMessage_whenKilledDuringABurstOfSends() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SendingChild.class.getName(), dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            // SIGKILL; acknowledgements still in the pipe are not counted, which only makes the check weaker.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        Set<String> stored = new HashSet<>();
        try (LocalSqs restarted = new LocalSqs(dataDirectory)) {
            String url = restarted.queueUrl("burst");
            List<Message> batch;
            do {
                batch = restarted.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
                batch.forEach(message -> stored.add(message.body()));
            } while (!batch.isEmpty());
        }

        assertThat(stored).containsAll(acknowledged);
        assertThat(acknowledged).anyMatch(body -> body.startsWith("sdk-")).anyMatch(body -> body.startsWith("rule-"));
    }
}
