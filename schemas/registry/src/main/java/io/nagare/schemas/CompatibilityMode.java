package io.nagare.schemas;

/**
 * How a new version of an event schema must relate to the earlier ones, with Confluent Schema Registry's
 * meaning: BACKWARD means consumers on the new schema read data written with the previous one; FORWARD means
 * consumers on the previous schema read data written with the new one; FULL is both. The TRANSITIVE modes
 * compare with every earlier version instead of only the previous one; NONE checks nothing.
 */
public enum CompatibilityMode {
    BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE;

    /** Whether the new schema must read the old one's data. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether the old schema must read the new one's data. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether every earlier version is compared, not only the previous one. */
    public boolean transitive() {
        return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
    }
}
