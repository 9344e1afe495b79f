package io.nagare.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

class InProcessHttpClientTest {

    @Test
    void call_shouldHandTheServiceTheRequestAsTheEndpointWould_andAnswerItsResponse() throws Exception {
        AtomicReference<LocalRequest> seen = new AtomicReference<>();
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).discoverServices(false)
                .service(context -> new RecordingService(seen)).start()) {
            SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                    .uri(URI.create("http://localhost:4566"))
                    .encodedPath("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aap-northeast-1%3A000000000000%3A"
                            + "function%3Aa%2Bb/invocations")
                    .appendRawQueryParameter("Qualifier", "$LATEST")
                    .appendHeader("X-Amz-Invocation-Type", "Event")
                    .appendHeader("Accept", "a").appendHeader("Accept", "b")
                    .build();

            HttpExecuteResponse response = InProcessHttpClient.of(runtime.context()).prepareRequest(
                    HttpExecuteRequest.builder().request(request)
                            .contentStreamProvider(() -> new ByteArrayInputStream("{\"x\":1}".getBytes(
                                    StandardCharsets.UTF_8))).build()).call();

            LocalRequest local = seen.get();
            assertThat(local.method()).isEqualTo("POST");
            assertThat(local.path()).isEqualTo(
                    "/2015-03-31/functions/arn:aws:lambda:ap-northeast-1:000000000000:function:a+b/invocations");
            assertThat(local.query()).isEqualTo(Map.of("Qualifier", List.of("$LATEST")));
            assertThat(local.header("x-amz-invocation-type")).isEqualTo("Event");
            assertThat(local.header("Accept")).isEqualTo("a,b");
            assertThat(local.bodyAsString()).isEqualTo("{\"x\":1}");
            assertThat(response.httpResponse().statusCode()).isEqualTo(202);
            assertThat(response.httpResponse().firstMatchingHeader("X-Seen")).hasValue("yes");
            assertThat(response.httpResponse().firstMatchingHeader("Content-Length")).hasValue("2");
            assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("ok");
        }
    }

    @Test
    void call_shouldAnswerTheRoutersError_whenNoServiceServesTheTarget() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).discoverServices(false).start()) {
            SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                    .uri(URI.create("http://localhost:4566/")).appendHeader("X-Amz-Target", "Nobody.Home").build();

            HttpExecuteResponse response = InProcessHttpClient.of(runtime.context()).prepareRequest(
                    HttpExecuteRequest.builder().request(request).build()).call();

            assertThat(response.httpResponse().statusCode()).isEqualTo(400);
            assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("UnknownOperationException").contains("Nobody.Home");
        }
    }

    private record RecordingService(AtomicReference<LocalRequest> seen) implements LocalService {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public boolean handles(LocalRequest request) {
            return request.path().startsWith("/2015-03-31/");
        }

        @Override
        public LocalResponse handle(LocalRequest request) {
            seen.set(request);
            return LocalResponse.text(202, "ok").withHeader("X-Seen", "yes");
        }
    }
}
