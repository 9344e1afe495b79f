package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nagare.infra.NagareInfraApp.SynthArguments;

class SynthArgumentsTest {

    @Test
    void parse_shouldReadEnvironmentOutputAndContext_whenGiven() {
        SynthArguments arguments = SynthArguments.parse("--env", "prod", "--out", "cdk.out",
                "-c", "nagare:connectionArn=arn:aws:codeconnections:x", "--context", "nagare:prod:domainName=a=b");
        assertThat(arguments.environment()).isEqualTo(PlatformEnvironment.PROD);
        assertThat(arguments.outDirectory()).isEqualTo("cdk.out");
        assertThat(arguments.context()).isEqualTo(Map.of("nagare:connectionArn", "arn:aws:codeconnections:x",
                "nagare:prod:domainName", "a=b"));
    }

    @Test
    void parse_shouldRefuseContextWithoutKey_whenTheValueHasNoEquals() {
        assertThatThrownBy(() -> SynthArguments.parse("-c", "nagare:branch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-c takes KEY=VALUE, got 'nagare:branch'; " + SynthArguments.USAGE);
    }

    @Test
    void parse_shouldRefuseUnknownArguments_whenGiven() {
        assertThatThrownBy(() -> SynthArguments.parse("--region", "us-east-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown argument '--region'");
    }
}
