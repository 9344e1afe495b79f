package io.nagare.local.stepfunctions.internal.asl;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** {@code Parallel}: runs every branch on the same input; its result is their outputs, in branch order. */
final class ParallelState extends State {

    private static final String PENDING = "pending";

    private final List<Branch> branches;
    private final DataFlow flow;
    private final List<Retrier> retriers;
    private final List<Catcher> catchers;

    ParallelState(String name, String next, List<Branch> branches, DataFlow flow, List<Retrier> retriers,
                  List<Catcher> catchers) {
        super(name, next);
        this.branches = List.copyOf(branches);
        this.flow = flow;
        this.retriers = List.copyOf(retriers);
        this.catchers = List.copyOf(catchers);
    }

    @Override
    public String eventPrefix() {
        return "Parallel";
    }

    @Override
    public List<Retrier> retriers() {
        return retriers;
    }

    @Override
    public List<Catcher> catchers() {
        return catchers;
    }

    @Override
    public Branch childBranch(int index) {
        return branches.get(index);
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode input = flow.effectiveInput(run.rawInput(), run);
        run.record("ParallelStateStarted", null, null);
        run.stateData().put(PENDING, branches.size());
        for (int i = 0; i < branches.size(); i++) {
            run.startChild(i, branches.get(i), input, false);
        }
        return Outcome.SUSPENDED;
    }

    @Override
    public Outcome resume(StateRun run, Signal signal) {
        if (signal.kind() == Signal.Kind.CHILD_FAILED) {
            run.abortChildren();
            run.record("ParallelStateFailed", null, null);
            throw signal.failure();
        }
        int pending = run.stateData().get(PENDING).intValue() - 1;
        run.stateData().put(PENDING, pending);
        if (pending > 0) {
            return Outcome.SUSPENDED;
        }
        ArrayNode result = Json.array();
        for (int i = 0; i < branches.size(); i++) {
            result.add(run.childOutput(i));
        }
        run.record("ParallelStateSucceeded", null, null);
        JsonNode raw = run.rawInput();
        return new Outcome.Done(flow.output(raw, result, run), next(), flow.assignments(raw, result, run));
    }
}
