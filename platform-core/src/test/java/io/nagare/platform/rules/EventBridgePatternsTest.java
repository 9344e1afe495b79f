package io.nagare.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventBridgePatternsTest {

    @Test
    void check_shouldAcceptAnythingButWithAPrefixList_asEventBridgeDoes() {
        assertThat(EventBridgePatterns.check(
                "{\"detail\": {\"sku\": [{\"anything-but\": {\"prefix\": [\"TEST-\", \"DEMO-\"]}}]}}")).isNull();
    }

    @Test
    void check_shouldGiveTheFirstLineOfTheReason_whenThePatternIsNotJson() {
        String reason = EventBridgePatterns.check("{\"detail-type\": [\"OrderPlaced\"");

        assertThat(reason).isNotBlank().doesNotContain("\n");
    }

    @Test
    void check_shouldRejectAValueThatIsNotAnArray() {
        assertThat(EventBridgePatterns.check("{\"detail-type\": \"OrderPlaced\"}")).isNotNull();
    }

    @Test
    void check_shouldRejectTooComplexWildcards_whenOverEventBridgesLimit() {
        String pattern = "{\"detail\": {\"a\": [{\"wildcard\": \"*a*b*c*d*e*f*g*h*i*j*k*\"}]}}";

        assertThat(EventBridgePatterns.check(pattern)).startsWith("Rule is too complex");
    }
}
