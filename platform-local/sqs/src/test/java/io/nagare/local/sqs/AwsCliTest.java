package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the local SQS with the AWS CLI, as a developer would with {@code --endpoint-url}. Needs {@code aws} on PATH
 * (Debian's {@code awscli}); without it the test says so instead of failing.
 */
class AwsCliTest {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        assumeTrue(onPath("aws"), "the AWS CLI (Debian package awscli) is not installed");
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
    }

    @Test
    void awsCli_shouldCreateSendAndReceive_whenPointedAtTheLocalEndpoint() throws Exception {
        Result created = aws("sqs", "create-queue", "--queue-name", "cli-orders", "--query", "QueueUrl");
        Result sent = aws("sqs", "send-message", "--queue-url", sqs.queueUrl("cli-orders"),
                "--message-body", "{\"orderId\":\"o-9\"}");
        Result received = aws("sqs", "receive-message", "--queue-url", sqs.queueUrl("cli-orders"),
                "--query", "Messages[0].Body");

        assertThat(created.exit()).as(created.output()).isZero();
        assertThat(created.output().strip()).isEqualTo(sqs.queueUrl("cli-orders"));
        assertThat(sent.exit()).as(sent.output()).isZero();
        assertThat(received.output().strip()).isEqualTo("{\"orderId\":\"o-9\"}");
    }

    @Test
    void awsCli_shouldReportSqsErrorCode_whenTheQueueIsMissing() throws Exception {
        Result missing = aws("sqs", "get-queue-url", "--queue-name", "absent");

        assertThat(missing.exit()).isNotZero();
        assertThat(missing.output()).contains("AWS.SimpleQueueService.NonExistentQueue")
                .contains("The specified queue does not exist.");
    }

    private record Result(int exit, String output) {
    }

    private static Result aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", sqs.runtime.endpointUrl(),
                "--output", "text"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "ap-northeast-1", "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", ""));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
