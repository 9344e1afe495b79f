package io.nagare.local.stepfunctions.internal.asl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A graph of states with its start: the whole machine, a Parallel branch or a Map's item processor. */
public final class Branch {

    private final String startAt;
    private final Map<String, State> states;

    Branch(String startAt, Map<String, State> states) {
        this.startAt = startAt;
        this.states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    public String startAt() {
        return startAt;
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("no state '" + name + "' in this branch");
        }
        return state;
    }

    public Map<String, State> states() {
        return states;
    }
}
