package io.nagare.local.stepfunctions.internal.asl;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Choice}: goes to the Next of the first rule that holds, else to {@code Default}. */
final class ChoiceState extends State {

    /** One entry of {@code Choices}: its test, its target and its own Assign/Output. */
    record Branch(ChoiceRule rule, String next, DataFlow flow) {
    }

    private final List<Branch> choices;
    private final String defaultState;
    private final JsonPathFlow jsonPath;
    private final DataFlow flow;

    ChoiceState(String name, List<Branch> choices, String defaultState, JsonPathFlow jsonPath, DataFlow flow) {
        super(name, null);
        this.choices = List.copyOf(choices);
        this.defaultState = defaultState;
        this.jsonPath = jsonPath;
        this.flow = flow;
    }

    @Override
    public String eventPrefix() {
        return "Choice";
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode raw = run.rawInput();
        JsonNode input = jsonPath != null ? jsonPath.selectInput(raw, run) : raw;
        for (Branch choice : choices) {
            if (choice.rule().test(input, run)) {
                return done(raw, input, choice.next(), choice.flow(), run);
            }
        }
        if (defaultState == null) {
            throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
        }
        return done(raw, input, defaultState, flow, run);
    }

    private Outcome done(JsonNode raw, JsonNode input, String next, DataFlow chosen, StateRun run) {
        JsonNode output = jsonPath != null ? jsonPath.passThrough(raw, run) : chosen.output(raw, raw, run);
        return new Outcome.Done(output, next, chosen.assignments(raw, input, run));
    }
}
