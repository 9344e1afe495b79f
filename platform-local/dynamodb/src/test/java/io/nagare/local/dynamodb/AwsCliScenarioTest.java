package io.nagare.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.nagare.local.runtime.testing.AwsCli;
import org.junit.jupiter.api.Test;

/** Runs {@code scenarios/aws-cli.sh} with the AWS CLI (see {@link AwsCli}) against a local runtime. */
class AwsCliScenarioTest {

    @Test
    void awsCli_shouldCreateWriteUpdateQuery_andSeeACancelledTransaction() {
        AwsCli.assumeInstalled();
        try (LocalDynamoDb local = LocalDynamoDb.inMemory()) {
            AwsCli.Result scenario = AwsCli.script(Path.of("scenarios", "aws-cli.sh"), local.runtime.endpointUrl());

            assertThat(scenario.exitCode()).as(scenario.output()).isZero();
            assertThat(scenario.output()).contains("ok: conditional put refused", "ok: update with expressions",
                    "ok: query counts matches and reads", "ok: transaction cancelled with reasons in order",
                    "ok: cancelled transaction wrote nothing", "scenario passed");
        }
    }
}
