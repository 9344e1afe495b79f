package io.nagare.local.eventbridge;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * List paging: a page of at most {@code Limit} names after the one a {@code NextToken} points at. Tokens are
 * opaque to clients (the last name returned, encoded).
 */
final class Paging {

    private Paging() {
    }

    /** The names of this page out of {@code sortedNames}, setting {@code NextToken} on {@code output} when more. */
    static List<String> page(List<String> sortedNames, ObjectNode input, ObjectNode output, int defaultLimit) {
        int limit = Params.limit(input, defaultLimit);
        String token = Params.optional(input, "NextToken");
        int start = 0;
        if (token != null) {
            String after = decode(token);
            while (start < sortedNames.size() && sortedNames.get(start).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sortedNames.size(), start + limit);
        List<String> page = sortedNames.subList(start, end);
        if (end < sortedNames.size()) {
            output.put("NextToken", encode(page.get(page.size() - 1)));
        }
        return page;
    }

    private static String encode(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Params.invalid("The nextToken provided is invalid.");
        }
    }
}
