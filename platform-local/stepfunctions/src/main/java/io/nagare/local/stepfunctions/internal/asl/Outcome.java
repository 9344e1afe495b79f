package io.nagare.local.stepfunctions.internal.asl;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What running (or resuming) a state produced: it is done, or it waits to be resumed. */
public sealed interface Outcome {

    Outcome SUSPENDED = new Suspended();

    /**
     * @param next        the state to go to, or null when the branch ends here
     * @param assignments variables to assign on exit
     */
    record Done(JsonNode output, String next, Map<String, JsonNode> assignments) implements Outcome {
    }

    record Suspended() implements Outcome {
    }
}
