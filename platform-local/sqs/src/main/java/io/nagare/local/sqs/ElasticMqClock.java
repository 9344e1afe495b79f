package io.nagare.local.sqs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.elasticmq.util.NowProvider;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.runtime.WallClock;

/**
 * The time ElasticMQ's queue actors read (visibility timeouts, delays, receive deadlines, first-receive timestamps,
 * FIFO deduplication windows): wall time plus how far the injected clock has moved since its origin, the clock's
 * reading when the data directory was first used (kept in {@link StoredQueues}), or when the service started if it
 * keeps nothing. A test that restarts the runtime with the same clock finds visibility deadlines where it left them.
 *
 * <p>Why not the injected clock alone: elasticmq-core 1.7.1 stamps a new message's first delivery time and creation
 * time with {@code System.currentTimeMillis()} / {@code OffsetDateTime.now()} ({@code InternalMessage.from}), not with
 * its {@code NowProvider}. A clock that does not follow wall time (a test's {@code ManualClock}) would leave every new
 * message in the future and never deliverable. Adding the clock's advance to wall time keeps new messages deliverable
 * at once and still lets a test expire a visibility timeout or a delay by advancing its clock, without sleeping. The
 * {@link WallClock} of {@code ./nagare up} already is wall time, so nothing is added to it.
 *
 * <p>Still on wall time, inside ElasticMQ: long-poll waits and their wake-ups (Pekko's scheduler), the one-second
 * sweep that forgets expired FIFO deduplication ids, message-move task pacing, {@code SentTimestamp} and queue
 * timestamps, and the visible / not-visible counts of {@code GetQueueAttributes}.
 */
final class ElasticMqClock extends NowProvider {

    private final LocalClock clock;
    private final Instant origin;
    private final boolean wall;
    /** The clock's advance from each wall time on (in milliseconds), as first seen. */
    private final ConcurrentSkipListMap<Long, Long> advances = new ConcurrentSkipListMap<>();
    private volatile long lastAdvance = -1;

    ElasticMqClock(LocalClock clock, Instant origin) {
        this.clock = clock;
        this.origin = origin;
        this.wall = clock instanceof WallClock;
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis() + advance().toMillis();
    }

    @Override
    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now().plus(advance()), ZoneOffset.UTC);
    }

    /**
     * The clock's reading, in milliseconds, when the wall clock read {@code wallMillis}: how a message's wall-time
     * stamp ({@code created}) is put on the injected clock, for its retention period. Advances seen before this
     * service started count as none.
     */
    long clockMillisAt(long wallMillis) {
        Map.Entry<Long, Long> advance = advances.floorEntry(wallMillis);
        return wallMillis + (advance == null ? 0 : advance.getValue());
    }

    /** Notes the clock's advance now, so a message stamped right after is put on the clock with it. */
    void sync() {
        advance();
    }

    /** How far the injected clock has moved past its origin; never negative, so new messages stay deliverable. */
    private Duration advance() {
        if (wall) {
            return Duration.ZERO;
        }
        Duration advance = Duration.between(origin, clock.now());
        advance = advance.isNegative() ? Duration.ZERO : advance;
        long millis = advance.toMillis();
        if (millis != lastAdvance) {
            lastAdvance = millis;
            advances.put(System.currentTimeMillis(), millis);
        }
        return advance;
    }
}
