package io.nagare.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.nagare.local.runtime.LocalRuntime;
import org.junit.jupiter.api.Test;

class EventBridgeServiceFactoryTest {

    @Test
    void runtime_shouldDiscoverEventBridge_withTheDefaultBus() {
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).start()) {
            assertThat(runtime.health()).containsEntry("eventbridge", true);
            EventBridgeService service = runtime.service(EventBridgeService.class).orElseThrow();
            assertThat(service.invoke("DescribeEventBus", EventJson.object()).get("Arn").asText())
                    .isEqualTo("arn:aws:events:ap-northeast-1:000000000000:event-bus/default");
        }
    }
}
