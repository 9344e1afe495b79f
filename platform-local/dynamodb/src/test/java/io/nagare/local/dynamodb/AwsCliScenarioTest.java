package io.nagare.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code scenarios/aws-cli.sh} with the AWS CLI against a local runtime. Needs {@code aws} on PATH (Debian's
 * {@code awscli}); without it the scenario cannot run and the test says so instead of failing.
 */
class AwsCliScenarioTest {

    @Test
    void awsCli_shouldCreateWriteUpdateQuery_andSeeACancelledTransaction() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI (Debian package awscli) is not installed");
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            ProcessBuilder builder = new ProcessBuilder("bash", Path.of("scenarios", "aws-cli.sh").toString())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("ENDPOINT", local.runtime.endpointUrl());
            Process process = builder.start();
            String output = read(process);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("ok: conditional put refused", "ok: update with expressions",
                    "ok: query counts matches and reads", "ok: transaction cancelled with reasons in order",
                    "ok: cancelled transaction wrote nothing", "scenario passed");
        }
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

    static String read(Process process) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(120, TimeUnit.SECONDS);
        return output;
    }
}
