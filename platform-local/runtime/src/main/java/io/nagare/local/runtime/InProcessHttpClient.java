package io.nagare.local.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An AWS SDK v2 HTTP client that hands each request to the runtime's services in-process, as the endpoint would
 * route it, with no socket and no HTTP framing. The SDK still marshals, signs and unmarshals, and the service still
 * parses the wire protocol: only the loopback round trip (and its threads) is gone. The request's host is ignored,
 * so give it only to clients whose endpoint is this runtime.
 *
 * <p>A call runs on the caller's thread, as long as the service takes (a long poll waits there, as it would on a
 * socket). Closing the client does nothing: the runtime owns the services.
 */
public final class InProcessHttpClient implements SdkHttpClient {

    private final Function<LocalRequest, LocalResponse> services;

    private InProcessHttpClient(Function<LocalRequest, LocalResponse> services) {
        this.services = services;
    }

    /** A client reaching the services of this runtime ({@link RuntimeContext#call}). */
    public static InProcessHttpClient of(RuntimeContext context) {
        return new InProcessHttpClient(context::call);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return toSdk(services.apply(toLocal(request.httpRequest(), request.contentStreamProvider()
                        .map(provider -> provider.newStream()))));
            }

            @Override
            public void abort() {
                // The call runs to its end on the caller's thread; there is no connection to drop.
            }
        };
    }

    @Override
    public String clientName() {
        return "NagareInProcess";
    }

    @Override
    public void close() {
        // Nothing of its own to release.
    }

    static LocalRequest toLocal(SdkHttpRequest request, Optional<InputStream> content) throws IOException {
        Map<String, String> headers = new HashMap<>();
        request.forEachHeader((name, values) -> headers.put(name, String.join(",", values)));
        byte[] body;
        if (content.isPresent()) {
            try (InputStream in = content.get()) {
                body = in.readAllBytes();
            }
        } else {
            body = new byte[0];
        }
        Map<String, List<String>> query = new HashMap<>();
        request.forEachRawQueryParameter((name, values) -> query.put(name, values.stream()
                .map(value -> value == null ? "" : value).toList()));
        return new LocalRequest(request.method().name(), decodedPath(request.encodedPath()), query, headers, body);
    }

    private static String decodedPath(String encodedPath) throws IOException {
        if (encodedPath == null || encodedPath.isEmpty()) {
            return "/";
        }
        try {
            // As the endpoint decodes it: percent escapes only ('+' stays a plus in a path).
            return new URI("http://localhost" + encodedPath).getPath();
        } catch (URISyntaxException e) {
            throw new IOException("not a valid request path: " + encodedPath, e);
        }
    }

    private static HttpExecuteResponse toSdk(LocalResponse response) {
        SdkHttpFullResponse.Builder http = SdkHttpFullResponse.builder().statusCode(response.status());
        response.headers().forEach(http::putHeader);
        http.putHeader("Content-Length", Integer.toString(response.body().length));
        return HttpExecuteResponse.builder().response(http.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body()))).build();
    }
}
