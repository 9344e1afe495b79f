package io.nagare.local.stepfunctions.internal.asl;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a state's data moves, in its query language: from the raw input to what the state works on, from its result
 * to its output, and which variables it assigns. Output and assignments both read the variables as they were when
 * the state was entered; the engine applies the assignments on exit.
 */
interface DataFlow {

    /** What the state works on: InputPath then Parameters (JSONPath), or Arguments (JSONata). */
    JsonNode effectiveInput(JsonNode rawInput, StateRun run);

    /** The state's output for its result: ResultSelector, ResultPath, OutputPath (JSONPath), or Output (JSONata). */
    JsonNode output(JsonNode rawInput, JsonNode result, StateRun run);

    /** The variables the state assigns for its result (empty when it has no Assign). */
    Map<String, JsonNode> assignments(JsonNode rawInput, JsonNode result, StateRun run);
}
