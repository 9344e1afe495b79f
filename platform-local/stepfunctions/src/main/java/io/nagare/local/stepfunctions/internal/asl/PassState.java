package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Pass}: passes its input, or its {@code Result}, to its output. */
final class PassState extends State {

    private final DataFlow flow;
    private final JsonNode result;

    PassState(String name, String next, DataFlow flow, JsonNode result) {
        super(name, next);
        this.flow = flow;
        this.result = result;
    }

    @Override
    public String eventPrefix() {
        return "Pass";
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode raw = run.rawInput();
        JsonNode produced = result != null ? result : flow.effectiveInput(raw, run);
        JsonNode output = flow.output(raw, produced, run);
        return new Outcome.Done(output, next(), flow.assignments(raw, produced, run));
    }
}
