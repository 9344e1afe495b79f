package io.nagare.local.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an expression may read besides the document it is applied to: workflow variables, the context object
 * ({@code $$} in JSONPath, {@code $states.context} in JSONata) and, for JSONata, the other {@code $states} fields.
 */
public interface EvalContext {

    Variables variables();

    /** The context object; built on demand, so callers ask only when an expression needs it. */
    JsonNode contextObject();

    /** {@code $states.input}: the state's raw input. */
    JsonNode statesInput();

    /** {@code $states.result}, or null where it is not defined (before the task ran). */
    JsonNode statesResult();

    /** {@code $states.errorOutput}, or null outside a Catcher. */
    JsonNode statesErrorOutput();
}
