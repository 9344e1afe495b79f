package io.nagare.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ManualClockTest {

    private final Instant start = Instant.parse("2026-11-28T00:00:00Z");
    private final ManualClock clock = new ManualClock(start);

    @Test
    void advance_shouldRunDueTasksInDueOrder_withNowAtTheirDueTime() {
        List<String> ran = new ArrayList<>();
        clock.schedule(start.plusSeconds(10), () -> ran.add("b@" + clock.now()));
        clock.schedule(start.plusSeconds(5), () -> ran.add("a@" + clock.now()));
        clock.schedule(start.plusSeconds(60), () -> ran.add("late"));

        clock.advance(Duration.ofSeconds(30));

        assertThat(ran).containsExactly("a@2026-11-28T00:00:05Z", "b@2026-11-28T00:00:10Z");
        assertThat(clock.now()).isEqualTo(start.plusSeconds(30));
        assertThat(clock.pending()).isEqualTo(1);
    }

    @Test
    void advance_shouldRunTasksScheduledByTasks_whenTheyFallWithinTheAdvance() {
        List<Instant> ran = new ArrayList<>();
        clock.schedule(start.plusSeconds(1), () -> clock.schedule(clock.now().plusSeconds(1), () -> ran.add(clock.now())));

        clock.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly(start.plusSeconds(2));
    }

    @Test
    void cancel_shouldKeepTheTaskFromRunning() {
        List<String> ran = new ArrayList<>();
        LocalClock.Timer timer = clock.schedule(start.plusSeconds(1), () -> ran.add("x"));

        assertThat(timer.cancel()).isTrue();
        clock.advance(Duration.ofSeconds(2));

        assertThat(ran).isEmpty();
        assertThat(timer.cancel()).isFalse();
    }

    @Test
    void advanceTo_shouldRefuseToGoBack() {
        assertThatThrownBy(() -> clock.advanceTo(start.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go back");
    }
}
