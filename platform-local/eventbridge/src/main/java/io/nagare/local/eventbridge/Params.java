package io.nagare.local.eventbridge;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsServiceException;

/** Request parameters, checked with the messages AWS's protocol validation answers. */
final class Params {

    static final Pattern RULE_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final Pattern BUS_NAME = Pattern.compile("[/\\.\\-_A-Za-z0-9]+");
    static final Pattern ARCHIVE_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

    private Params() {
    }

    /** A required string member, or AWS's "Member must not be null" validation error. */
    static String required(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            throw validation("Value null at '" + wireName(member) + "' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        return value.asText();
    }

    static String optional(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String optional(ObjectNode input, String member, String fallback) {
        String value = optional(input, member);
        return value == null ? fallback : value;
    }

    /** A required name matching {@code pattern} with at most {@code maxLength} characters. */
    static String name(ObjectNode input, String member, Pattern pattern, int maxLength) {
        String value = required(input, member);
        checkName(value, wireName(member), pattern, maxLength);
        return value;
    }

    static void checkName(String value, String where, Pattern pattern, int maxLength) {
        if (value.length() > maxLength) {
            throw validation("Value '" + value + "' at '" + where + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + maxLength);
        }
        if (!pattern.matcher(value).matches()) {
            throw validation("Value '" + value + "' at '" + where + "' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    /** Limit of a List call: 1 to 100 (AWS's LimitMax100), or {@code fallback} when absent. */
    static int limit(ObjectNode input, int fallback) {
        JsonNode value = input.get("Limit");
        if (value == null || value.isNull()) {
            return fallback;
        }
        int limit = value.asInt();
        if (limit < 1) {
            throw validation("Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1");
        }
        if (limit > 100) {
            throw validation("Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                    + "Member must have value less than or equal to 100");
        }
        return limit;
    }

    /** AWS's single-error protocol validation message. */
    static AwsServiceException validation(String detail) {
        return new AwsServiceException("ValidationException", "1 validation error detected: " + detail);
    }

    static AwsServiceException invalid(String message) {
        return new AwsServiceException("ValidationException", message);
    }

    static AwsServiceException notFound(String message) {
        return new AwsServiceException("ResourceNotFoundException", message);
    }

    /** AWS reports members in lower camel case: {@code EventPattern} is {@code eventPattern}. */
    static String wireName(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
