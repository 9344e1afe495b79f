package io.nagare.local.lambda;

import java.util.List;

import io.nagare.local.runtime.LocalRequest;

/** Lambda's list paging: {@code MaxItems} (1-10000, default 50) items after an opaque {@code Marker}. */
final class Paging {

    private Paging() {
    }

    static int maxItems(LocalRequest request) {
        String value = request.queryParameter("MaxItems");
        if (value == null) {
            return 50;
        }
        try {
            int maxItems = Integer.parseInt(value);
            if (maxItems >= 1 && maxItems <= 10_000) {
                return maxItems;
            }
        } catch (NumberFormatException e) {
            // answered below, as Lambda answers any value out of range
        }
        throw new LambdaApiException("ValidationException", "1 validation error detected: Value '" + value
                + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000", 400);
    }

    /** The index {@code marker} (the first key of the page) points at in {@code keys}; 0 without a marker. */
    static int start(String marker, List<String> keys) {
        if (marker == null) {
            return 0;
        }
        int index = keys.indexOf(marker);
        if (index < 0) {
            throw LambdaApiException.invalidParameter("Invalid marker: " + marker);
        }
        return index;
    }
}
