package io.nagare.local.stepfunctions.internal.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;

/** Reading request members the way the Step Functions API validates them, and writing its timestamps and tokens. */
final class Requests {

    /** AWS's limit on execution input, task output and similar payloads: 256 KiB of UTF-8. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f]{1,80}");

    private Requests() {
    }

    static String required(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            throw new AwsServiceException("ValidationException", "1 validation error detected: Value null at '"
                    + member + "' failed to satisfy constraint: Member must not be null");
        }
        if (!value.isTextual()) {
            throw new AwsServiceException("SerializationException", "Member '" + member + "' must be a string");
        }
        return value.textValue();
    }

    static String optional(ObjectNode input, String member) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new AwsServiceException("SerializationException", "Member '" + member + "' must be a string");
        }
        return value.textValue();
    }

    static String maxLength(String member, String value, int max) {
        if (value != null && value.length() > max) {
            throw new AwsServiceException("ValidationException", "1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return value;
    }

    static int maxResults(ObjectNode input, int fallback) {
        JsonNode value = input.get("maxResults");
        if (value == null || value.isNull() || value.intValue() == 0) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.intValue() < 0 || value.intValue() > 1000) {
            throw new AwsServiceException("ValidationException", "1 validation error detected: Value '" + value
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
        }
        return value.intValue();
    }

    static boolean bool(ObjectNode input, String member, boolean fallback) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? fallback : value.asBoolean(fallback);
    }

    static void validName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new AwsServiceException("InvalidName", "Invalid Name: '" + name + "'");
        }
    }

    /** Checks a payload is JSON of at most 256 KiB; {@code errorCode} and {@code label} name the failure as AWS does. */
    static void validPayload(String payload, String errorCode, String label) {
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new AwsServiceException(errorCode, label + ": 'Payload of " + payload.getBytes(StandardCharsets.UTF_8).length
                    + " bytes exceeds the maximum of " + MAX_PAYLOAD_BYTES + " bytes'");
        }
    }

    /** Epoch seconds with milliseconds, the JSON protocol's timestamp format. */
    static BigDecimal timestamp(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    static String token(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static String position(String token) {
        if (token == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsServiceException("InvalidToken", "Invalid Token: '" + token + "'");
        }
    }
}
