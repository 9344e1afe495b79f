package io.nagare.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.testing.AwsCli;

/**
 * Runs {@code src/test/scenarios/aws-cli.sh} with the AWS CLI against a runtime set up as {@code ./nagare up} sets
 * it up (wall clock, executions on the thread pool). Needs the AWS CLI (see {@link AwsCli}).
 */
class AwsCliScenarioTest {

    @Test
    void awsCli_shouldCreateRunAndReadTheHistory_ofAStateMachine() throws Exception {
        AwsCli.assumeInstalled();
        try (LocalRuntime runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .service(new StepFunctionsServiceFactory().withExecutionStatusEvents(false)).start()) {
            AwsCli.Result scenario = AwsCli.script(Path.of("src", "test", "scenarios", "aws-cli.sh"),
                    runtime.endpointUrl());

            assertThat(scenario.exitCode()).as(scenario.output()).isZero();
            assertThat(scenario.output()).contains("ok: execution output", "ok: history event types",
                    "ok: with AWS's error name", "ok: invalid definition", "scenario passed");
        }
    }
}
