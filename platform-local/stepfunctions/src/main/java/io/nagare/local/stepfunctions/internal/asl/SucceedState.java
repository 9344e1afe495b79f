package io.nagare.local.stepfunctions.internal.asl;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Succeed}: ends its branch successfully. */
final class SucceedState extends State {

    private final JsonPathFlow jsonPath;
    private final DataFlow jsonata;

    SucceedState(String name, JsonPathFlow jsonPath, DataFlow jsonata) {
        super(name, null);
        this.jsonPath = jsonPath;
        this.jsonata = jsonata;
    }

    @Override
    public String eventPrefix() {
        return "Succeed";
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode raw = run.rawInput();
        if (jsonPath != null) {
            return new Outcome.Done(jsonPath.passThrough(raw, run), null, Map.of());
        }
        return new Outcome.Done(jsonata.output(raw, raw, run), null, Map.of());
    }
}
