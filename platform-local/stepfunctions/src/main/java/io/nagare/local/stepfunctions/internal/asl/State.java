package io.nagare.local.stepfunctions.internal.asl;

import java.util.List;

/**
 * One compiled state. The engine enters it, calls {@link #run} for each attempt, {@link #resume} when something it
 * waits for happens, and handles errors with the state's retriers and catchers.
 */
public abstract class State {

    private final String name;
    private final String next;

    State(String name, String next) {
        this.name = name;
        this.next = next;
    }

    public final String name() {
        return name;
    }

    /** The state named in {@code Next}, or null when the state ends its branch. */
    public final String next() {
        return next;
    }

    /** The prefix of the state's history events, e.g. {@code Task} for {@code TaskStateEntered}. */
    public abstract String eventPrefix();

    /** Whether the state records an exit event (every state but Fail). */
    public boolean recordsExit() {
        return true;
    }

    public List<Retrier> retriers() {
        return List.of();
    }

    public List<Catcher> catchers() {
        return List.of();
    }

    /** The index of the first retrier whose ErrorEquals names {@code error}, or -1. */
    public final int retrierFor(String error) {
        List<Retrier> retriers = retriers();
        for (int i = 0; i < retriers.size(); i++) {
            if (retriers.get(i).matches(error)) {
                return i;
            }
        }
        return -1;
    }

    /** The first catcher whose ErrorEquals names {@code error}, or null. */
    public final Catcher catcherFor(String error) {
        for (Catcher catcher : catchers()) {
            if (catcher.matches(error)) {
                return catcher;
            }
        }
        return null;
    }

    /** One attempt of the state. Throws {@link StatesError} when it fails. */
    public abstract Outcome run(StateRun run);

    /** Continues a suspended state. */
    public Outcome resume(StateRun run, Signal signal) {
        throw new IllegalStateException("state '" + name + "' does not suspend, yet was resumed with " + signal.kind());
    }

    /** The resource a Task state calls; null for other states. */
    public TaskResource taskResource() {
        return null;
    }

    /** The graph a child of this state runs: branch {@code index} of a Parallel, the item processor of a Map. */
    public Branch childBranch(int index) {
        throw new IllegalStateException("state '" + name + "' has no branches");
    }
}
