package io.nagare.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventPatternTest {

    @Test
    void check_shouldAcceptAnythingButWithPrefixListsAndWildcards_asEventBridgeDoes() {
        assertThat(EventPattern.check("{\"a\":[{\"anything-but\":{\"prefix\":[\"x\",\"y\"]}}]}")).isNull();
        assertThat(EventPattern.check("{\"a\":[{\"anything-but\":{\"wildcard\":[\"*/lib/*\",\"a*\"]}}]}")).isNull();
        assertThat(EventPattern.check("{\"$or\":[{\"a\":[\"1\"]},{\"b\":[\"2\"]}]}")).isNull();
    }

    @Test
    void check_shouldRejectWildcards_overEventBridgesComplexityLimit() {
        assertThat(EventPattern.check("{\"arn\":[{\"wildcard\":\"arn:aws:events:*:*:event-bus/*\"}]}")).isNull();
        assertThat(EventPattern.check("{\"arn\":[{\"wildcard\":\"*:*:*:*:*:event-bus/*\"}]}"))
                .startsWith("Rule is too complex");
    }

    @Test
    void compile_shouldThrowInvalidEventPatternException_withOnlyTheFirstLineOfTheReason() {
        assertThatThrownBy(() -> EventPattern.compile("{\"a\":[{\"prefix\":[\"x\"]}]}"))
                .hasMessage("Event pattern is not valid. Reason: prefix match pattern must be a string");
        assertThatThrownBy(() -> EventPattern.compile("{\"a\":"))
                .hasMessageStartingWith("Event pattern is not valid. Reason: ")
                .hasMessageNotContaining("\n");
    }
}
