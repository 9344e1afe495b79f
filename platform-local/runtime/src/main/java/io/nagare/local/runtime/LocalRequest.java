package io.nagare.local.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request to the local endpoint, fully read. Header names are case-insensitive, as in HTTP.
 *
 * @param method     upper-case HTTP method
 * @param path       the decoded path, without the query string
 * @param query      the query parameters (a name may repeat)
 * @param headers    header values by case-insensitive name
 * @param body       the raw body, never null
 */
public record LocalRequest(String method, String path, Map<String, List<String>> query,
                           Map<String, String> headers, byte[] body) {

    public LocalRequest {
        TreeMap<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(insensitive);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** The header's value, or null when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The first value of a query parameter, or null when absent. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
