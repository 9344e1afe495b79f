package io.nagare.local.stepfunctions.internal.asl;

import java.util.List;

/** The error names a Retrier or Catcher handles, with the two wildcards {@code States.ALL} and {@code States.TaskFailed}. */
final class ErrorEquals {

    private final List<String> names;

    ErrorEquals(List<String> names) {
        this.names = List.copyOf(names);
    }

    boolean matches(String error) {
        for (String name : names) {
            if (name.equals(StatesError.ALL)) {
                return true;
            }
            if (error == null) {
                continue;
            }
            if (name.equals(error)) {
                return true;
            }
            // States.TaskFailed matches every error but States.Timeout (AWS's documented rule).
            if (name.equals(StatesError.TASK_FAILED) && !error.equals(StatesError.TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
