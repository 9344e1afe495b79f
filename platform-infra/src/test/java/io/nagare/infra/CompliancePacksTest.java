package io.nagare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.nagare.infra.compliance.CompliancePacks;
import software.amazon.awscdk.Stack;

/** Every stack of every environment passes every pack: no cdk-nag error that is not acknowledged. */
class CompliancePacksTest {

    static Stream<Arguments> stacksAndPacks() {
        return Stream.of(PlatformEnvironment.values())
                .flatMap(env -> PlatformFixture.platform(env).stacks().stream())
                .flatMap(stack -> CompliancePacks.RULE_PREFIXES.stream().map(pack -> Arguments.of(stack, pack)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stacksAndPacks")
    void stack_shouldHaveNoUnacknowledgedErrors_whenCheckedByPack(Stack stack, String pack) {
        assertThat(PlatformFixture.errors(stack)).filteredOn(error -> error.contains(" " + pack + "-")).isEmpty();
    }
}
