package io.nagare.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * Runs an action at most once per key and hands every duplicate the first result.
 *
 * <pre>{@code
 * Idempotency idempotency = Idempotency.builder(DynamoDbIdempotencyStore.fromEnvironment(dynamoDb, env)).build();
 * Authorization auth = idempotency.run(executionId + "#authorize-payment", Authorization.class,
 *         () -> gateway.authorize(order));
 * }</pre>
 *
 * <p>The first attempt writes an {@code IN_PROGRESS} record with a conditional put, runs the action and stores its
 * result ({@code COMPLETED}); a duplicate gets that result (deserialized from JSON) without running the action, or
 * {@link IdempotencyInProgressException} while the first attempt is still running. An action that throws leaves no
 * record, so it can be retried. A crashed attempt's record stops blocking after {@code inProgressTimeout} (set it
 * above the function's timeout); completed records count for {@code retention} and are then deleted by TTL.
 */
public final class Idempotency {

    private static final int MAX_START_ATTEMPTS = 5;

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration inProgressTimeout;
    private final Duration retention;
    private final ObjectMapper mapper;

    private Idempotency(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.inProgressTimeout = builder.inProgressTimeout;
        this.retention = builder.retention;
        this.mapper = builder.mapper;
    }

    public static Builder builder(IdempotencyStore store) {
        return new Builder(store);
    }

    /** A key made of parts joined by {@code #}, e.g. {@code key(executionArn, "reserve-inventory")}. */
    public static String key(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("an idempotency key needs at least one part");
        }
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                throw new IllegalArgumentException("an idempotency key part is empty");
            }
        }
        return String.join("#", parts);
    }

    /** Runs the action once for this key; duplicates get its result as {@code type}. */
    public <T> T run(String key, Class<T> type, Supplier<T> action) {
        return run(key, TypeFactory.defaultInstance().constructType(type), action);
    }

    /** Runs the action once for this key; duplicates get its result as {@code type} (e.g. a generic list). */
    public <T> T run(String key, JavaType type, Supplier<T> action) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("idempotency key is empty");
        }
        for (int tries = 0; tries < MAX_START_ATTEMPTS; tries++) {
            Instant now = clock.instant();
            String attempt = UUID.randomUUID().toString();
            IdempotencyRecord record = new IdempotencyRecord(key, attempt, IdempotencyStatus.IN_PROGRESS, null,
                    now.plus(inProgressTimeout), now.plus(retention));
            Optional<IdempotencyRecord> existing = store.start(record, now);
            if (existing.isEmpty()) {
                return runAndComplete(record, action);
            }
            IdempotencyRecord found = existing.get();
            if (found.isStale(now)) {
                continue; // it went stale between the write and the read: try again
            }
            if (found.status() == IdempotencyStatus.IN_PROGRESS) {
                throw new IdempotencyInProgressException(key, found.inProgressUntil());
            }
            return read(found, type);
        }
        throw new IdempotencyException("idempotency key '" + key + "': could not start after " + MAX_START_ATTEMPTS
                + " tries (records keep vanishing or expiring)");
    }

    /** The key's record, if any and not stale: for operators and tests. */
    public Optional<IdempotencyRecord> find(String key) {
        Instant now = clock.instant();
        return store.find(key).filter(r -> !r.isStale(now));
    }

    private <T> T runAndComplete(IdempotencyRecord record, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (RuntimeException | Error e) {
            try {
                store.release(record.key(), record.attempt());
            } catch (RuntimeException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
        String json;
        try {
            json = mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            store.release(record.key(), record.attempt());
            throw new IdempotencyException("idempotency key '" + record.key() + "': the result cannot be stored as JSON", e);
        }
        // When this returns false, our in-progress record expired and another attempt took the key over: that attempt's
        // result will be the stored one; ours is still a valid answer for this caller. When the store fails, the action
        // has run all the same: its result is the answer, and the in-progress record keeps duplicates out until it
        // expires (it is never released, which would let a duplicate run the action again at once).
        try {
            store.complete(record.key(), record.attempt(), json, clock.instant().plus(retention));
        } catch (RuntimeException storeFailure) {
            // deliberately not rethrown: see above
        }
        return result;
    }

    private <T> T read(IdempotencyRecord record, JavaType type) {
        try {
            return mapper.readValue(record.result() == null ? "null" : record.result(), type);
        } catch (JsonProcessingException e) {
            throw new IdempotencyException("idempotency key '" + record.key() + "': the stored result cannot be read as "
                    + type, e);
        }
    }

    /** Settings with defaults: the system UTC clock, 15 minutes in progress (Lambda's longest timeout), 24 h retention. */
    public static final class Builder {
        private final IdempotencyStore store;
        private Clock clock = Clock.systemUTC();
        private Duration inProgressTimeout = Duration.ofMinutes(15);
        private Duration retention = Duration.ofHours(24);
        private ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

        private Builder(IdempotencyStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long an in-progress record blocks duplicates; above the function's timeout. */
        public Builder inProgressTimeout(Duration timeout) {
            this.inProgressTimeout = positive(timeout, "inProgressTimeout");
            return this;
        }

        /** How long a completed result is handed to duplicates. */
        public Builder retention(Duration retention) {
            this.retention = positive(retention, "retention");
            return this;
        }

        public Builder objectMapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        public Idempotency build() {
            if (retention.compareTo(inProgressTimeout) < 0) {
                throw new IllegalArgumentException("retention " + retention + " is shorter than inProgressTimeout "
                        + inProgressTimeout);
            }
            return new Idempotency(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
