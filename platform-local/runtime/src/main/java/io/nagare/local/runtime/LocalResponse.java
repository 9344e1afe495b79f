package io.nagare.local.runtime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response from a local service. */
public record LocalResponse(int status, Map<String, String> headers, byte[] body) {

    public LocalResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static LocalResponse of(int status, String contentType, byte[] body) {
        return new LocalResponse(status, Map.of("Content-Type", contentType), body);
    }

    public static LocalResponse json(int status, String contentType, String json) {
        return of(status, contentType, json.getBytes(StandardCharsets.UTF_8));
    }

    public static LocalResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with one more header. */
    public LocalResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new LocalResponse(status, more, body);
    }
}
