package io.nagare.platform.rules;

import java.io.IOException;

import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.MachineComplexityEvaluator;

/**
 * Whether Amazon EventBridge accepts an event pattern: event-ruler's grammar (the engine EventBridge uses, through
 * {@link JsonRuleCompiler}, which accepts the {@code anything-but} forms the older {@code RuleCompiler} refuses)
 * plus EventBridge's own limit on wildcard complexity. The platform model's validator and the local EventBridge
 * both ask here, so a pattern the model accepts is one the local bus and AWS accept.
 */
public final class EventBridgePatterns {

    /** EventBridge rejects wildcard patterns whose worst-case event reaches more than this many machine states. */
    public static final int MAX_WILDCARD_COMPLEXITY = 10;

    private EventBridgePatterns() {
    }

    /**
     * Why EventBridge rejects the pattern, as the text it puts after "Event pattern is not valid. Reason: ", or
     * null when the pattern is valid.
     */
    public static String check(String patternJson) {
        String reason = JsonRuleCompiler.check(patternJson);
        if (reason != null) {
            return firstLine(reason);
        }
        Machine machine = Machine.builder().build();
        try {
            machine.addRule("pattern", patternJson);
        } catch (IOException | RuntimeException e) {
            return firstLine(e.getMessage());
        }
        if (machine.evaluateComplexity(new MachineComplexityEvaluator(MAX_WILDCARD_COMPLEXITY + 1))
                > MAX_WILDCARD_COMPLEXITY) {
            return "Rule is too complex - try using fewer wildcard characters or fewer repeating character "
                    + "sequences after a wildcard character";
        }
        return null;
    }

    /** Jackson appends the parse location on later lines; AWS's reason is the first line only. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
