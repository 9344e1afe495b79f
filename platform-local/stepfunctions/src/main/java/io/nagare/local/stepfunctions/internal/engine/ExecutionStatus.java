package io.nagare.local.stepfunctions.internal.engine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of an execution, as an explicit transition table: RUNNING ends in SUCCEEDED, FAILED, TIMED_OUT or
 * ABORTED; a FAILED, TIMED_OUT or ABORTED execution may be redriven back to RUNNING. Any other move is a bug and
 * fails loudly with the execution's identity.
 */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE;

    private static final Map<ExecutionStatus, Set<ExecutionStatus>> ALLOWED = Map.of(
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, ABORTED),
            SUCCEEDED, EnumSet.noneOf(ExecutionStatus.class),
            FAILED, EnumSet.of(PENDING_REDRIVE, RUNNING),
            TIMED_OUT, EnumSet.of(PENDING_REDRIVE, RUNNING),
            ABORTED, EnumSet.of(PENDING_REDRIVE, RUNNING),
            PENDING_REDRIVE, EnumSet.of(RUNNING));

    public boolean terminal() {
        return this != RUNNING && this != PENDING_REDRIVE;
    }

    /** This status followed by {@code next}; throws when the lifecycle does not allow it. */
    public ExecutionStatus moveTo(ExecutionStatus next, String executionArn) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalStateException("execution " + executionArn + " cannot go from " + this + " to " + next);
        }
        return next;
    }
}
