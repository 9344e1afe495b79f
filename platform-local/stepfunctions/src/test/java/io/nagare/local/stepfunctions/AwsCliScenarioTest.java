package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.nagare.local.runtime.LocalRuntime;

/**
 * Runs {@code src/test/scenarios/aws-cli.sh} with the AWS CLI against a runtime set up as {@code ./nagare up} sets
 * it up (wall clock, executions on the thread pool). Needs {@code aws} on PATH (Debian's {@code awscli}); without it
 * the scenario cannot run and the test says so instead of failing.
 */
class AwsCliScenarioTest {

    @Test
    void awsCli_shouldCreateRunAndReadTheHistory_ofAStateMachine() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI (Debian package awscli) is not installed");
        try (LocalRuntime runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .service(new StepFunctionsServiceFactory().withExecutionStatusEvents(false)).start()) {
            ProcessBuilder builder = new ProcessBuilder("bash", Path.of("src", "test", "scenarios", "aws-cli.sh").toString())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("ENDPOINT", runtime.endpointUrl());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("ok: execution output", "ok: history event types",
                    "ok: with AWS's error name", "ok: invalid definition", "scenario passed");
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
}
