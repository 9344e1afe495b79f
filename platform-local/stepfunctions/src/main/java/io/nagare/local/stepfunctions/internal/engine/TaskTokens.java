package io.nagare.local.stepfunctions.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task tokens of {@code .waitForTaskToken} tasks. A token names its execution, frame and attempt, so a token for a
 * task that has moved on is recognised as timed out rather than unknown.
 */
final class TaskTokens {

    private static final String PREFIX = "nagare1";

    /** What a token points at. */
    record Target(String executionArn, String frameId, String attemptKey) {
    }

    private final Map<String, Target> waiting = new ConcurrentHashMap<>();

    static String create(String executionArn, String frameId, String attemptKey) {
        String raw = PREFIX + "\n" + executionArn + "\n" + frameId + "\n" + attemptKey + "\n" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's target, or null when the text is not a token this service issued. */
    static Target decode(String token) {
        if (token == null || token.isEmpty() || token.length() > 2048) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n");
            if (parts.length != 5 || !parts[0].equals(PREFIX)) {
                return null;
            }
            return new Target(parts[1], parts[2], parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void await(String token, Target target) {
        waiting.put(token, target);
    }

    boolean isWaiting(String token) {
        return waiting.containsKey(token);
    }

    void done(String token) {
        if (token != null) {
            waiting.remove(token);
        }
    }

    void forgetExecution(String executionArn) {
        waiting.values().removeIf(target -> target.executionArn().equals(executionArn));
    }
}
