package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** Why a suspended state is resumed: its timer fired, its task returned, or one of its children finished. */
public record Signal(Kind kind, int child, JsonNode value, StatesError failure) {

    public enum Kind { TIMER, TASK_SUCCEEDED, CHILD_SUCCEEDED, CHILD_FAILED }

    public static Signal timer() {
        return new Signal(Kind.TIMER, -1, null, null);
    }

    public static Signal taskSucceeded(JsonNode output) {
        return new Signal(Kind.TASK_SUCCEEDED, -1, output, null);
    }

    public static Signal childSucceeded(int child) {
        return new Signal(Kind.CHILD_SUCCEEDED, child, null, null);
    }

    public static Signal childFailed(int child, StatesError failure) {
        return new Signal(Kind.CHILD_FAILED, child, null, failure);
    }
}
