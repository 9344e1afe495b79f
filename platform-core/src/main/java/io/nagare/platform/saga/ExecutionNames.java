package io.nagare.platform.saga;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The Step Functions execution name of a saga instance, derived from its business key (an order id, ...). Naming
 * executions after the business key makes starting a saga idempotent (Step Functions refuses a second execution of
 * the same name) and lets operators find an instance by its key without an index.
 *
 * <p>A business key that is a valid execution name (1 to 80 characters, none of whitespace, {@code < > { } [ ] ? *
 * " # % \ ^ | ~ ` $ & , ; : /} or control characters, as StartExecution requires) is the name itself. Any other key
 * becomes {@code key-} followed by the first 64 hex digits of its SHA-256, so every key still maps to exactly one
 * name.
 */
public final class ExecutionNames {

    static final int MAX_LENGTH = 80;
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private ExecutionNames() {
    }

    public static String forBusinessKey(String businessKey) {
        Objects.requireNonNull(businessKey, "businessKey");
        return isValidName(businessKey) ? businessKey : "key-" + sha256Hex(businessKey);
    }

    /** The execution ARN of that name under a state machine ARN, as Step Functions forms it. */
    public static String executionArn(String stateMachineArn, String executionName) {
        String marker = ":stateMachine:";
        int at = stateMachineArn.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn
                    + " (expected arn:<partition>:states:<region>:<account>:stateMachine:<name>)");
        }
        return stateMachineArn.substring(0, at) + ":execution:" + stateMachineArn.substring(at + marker.length())
                + ":" + executionName;
    }

    static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0
                    || (c >= '\u007F' && c <= '\u009F')) {
                return false;
            }
        }
        return true;
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
