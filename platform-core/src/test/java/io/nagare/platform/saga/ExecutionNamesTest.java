package io.nagare.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExecutionNamesTest {

    @Test
    void forBusinessKey_shouldBeTheKeyItself_whenItIsAValidExecutionName() {
        assertThat(ExecutionNames.forBusinessKey("ord-2026-11-28_0001.A")).isEqualTo("ord-2026-11-28_0001.A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 1", "a/b", "x:y", "tab\there", "a\u0085b", "{1}", "semi;colon"})
    void forBusinessKey_shouldHashTheKey_whenStepFunctionsWouldRefuseIt(String key) {
        String name = ExecutionNames.forBusinessKey(key);

        assertThat(name).startsWith("key-").hasSize(4 + 64);
        assertThat(ExecutionNames.isValidName(name)).isTrue();
        assertThat(ExecutionNames.forBusinessKey(key)).isEqualTo(name);
    }

    @Test
    void forBusinessKey_shouldHashTheKey_whenItIsLongerThan80Characters() {
        String key = "o".repeat(81);

        assertThat(ExecutionNames.forBusinessKey(key)).startsWith("key-")
                .isNotEqualTo(ExecutionNames.forBusinessKey("o".repeat(82)));
        assertThat(ExecutionNames.forBusinessKey("o".repeat(80))).isEqualTo("o".repeat(80));
    }

    @Test
    void executionArn_shouldReplaceTheStateMachinePartOfTheArn() {
        assertThat(ExecutionNames.executionArn(
                "arn:aws:states:ap-northeast-1:000000000000:stateMachine:order-fulfilment", "ord-1"))
                .isEqualTo("arn:aws:states:ap-northeast-1:000000000000:execution:order-fulfilment:ord-1");
    }

    @Test
    void executionArn_shouldNameTheExpectedShape_whenGivenSomethingElse() {
        assertThatThrownBy(() -> ExecutionNames.executionArn("arn:aws:lambda:ap-northeast-1:0:function:f", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a state machine ARN: arn:aws:lambda");
    }
}
