package io.nagare.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class OptimisticRetryTest {

    @Test
    void run_shouldReadAndWriteAgain_whenAWriteLosesARace() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> pauses = new ArrayList<>();

        String result = new OptimisticRetry(5, pauses::add).run("reserve", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new WriteConflict("lost " + attempts.get());
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(pauses).containsExactly(2, 3);
    }

    @Test
    void run_shouldReportTheConflict_whenEveryAttemptLoses() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new OptimisticRetry(4, OptimisticRetry.Pause.NONE).run("reserve order 'o-1'", () -> {
            throw new WriteConflict("attempt " + attempts.incrementAndGet() + " lost");
        }))
                .isInstanceOf(InventoryConflictException.class)
                .hasMessage("reserve order 'o-1': gave up after 4 attempts lost optimistic-locking races; last: attempt 4"
                        + " lost");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void run_shouldNotRetry_otherFailures() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new OptimisticRetry(4, OptimisticRetry.Pause.NONE).run("x", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("tables disagree");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
