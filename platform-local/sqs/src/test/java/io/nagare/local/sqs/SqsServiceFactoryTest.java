package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.targets.EventTargetInvoker;

class SqsServiceFactoryTest {

    @Test
    void discover_shouldStartSqsAndOfferItsTargetInvoker_whenTheModuleIsOnTheClasspath() {
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).start()) {
            assertThat(runtime.health()).containsEntry("sqs", true);
            assertThat(runtime.service(EventTargetInvoker.Sqs.class)).isPresent();
        }
    }
}
