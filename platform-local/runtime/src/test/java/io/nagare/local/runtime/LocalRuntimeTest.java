package io.nagare.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRuntimeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void health_shouldAnswer503_untilEveryServiceIsReady() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (LocalRuntime runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .clock(new ManualClock(Instant.EPOCH))
                .service(context -> new EchoService(ready)).start()) {
            HttpResponse<String> starting = get(runtime, LocalRuntime.HEALTH_PATH);
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).contains("\"echo\":\"starting\"");

            ready.set(true);
            HttpResponse<String> up = get(runtime, LocalRuntime.HEALTH_PATH);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"ready\",\"services\":{\"echo\":\"ready\"}}");
        }
    }

    @Test
    void awsJson_shouldDispatchByTarget_andShapeErrorsAsAws() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .service(context -> new EchoService(new AtomicBoolean(true))).start()) {
            HttpResponse<String> ok = post(runtime, "Echo.Say", "{\"word\":1.10}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
            assertThat(ok.body()).isEqualTo("{\"said\":1.10}");

            HttpResponse<String> unknownOperation = post(runtime, "Echo.Shout", "{}");
            assertThat(unknownOperation.statusCode()).isEqualTo(400);
            assertThat(unknownOperation.body()).contains("\"__type\":\"test.echo#UnknownOperationException\"");

            HttpResponse<String> malformed = post(runtime, "Echo.Say", "{\"word\":");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("SerializationException");

            HttpResponse<String> nobody = post(runtime, "Nobody.Home", "{}");
            assertThat(nobody.statusCode()).isEqualTo(400);
            assertThat(nobody.body()).contains("UnknownOperationException").contains("Nobody.Home");
        }
    }

    @Test
    void call_shouldServeInProcess_withTheEndpointsRoutingAndErrors() {
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).discoverServices(false)
                .service(context -> new EchoService(new AtomicBoolean(true))).start()) {
            LocalResponse ok = runtime.context().call(new LocalRequest("POST", "/", Map.of(),
                    Map.of("x-amz-target", "Echo.Say"), "{\"word\":\"hi\"}".getBytes()));
            LocalResponse unknown = runtime.context().call(new LocalRequest("POST", "/", Map.of(),
                    Map.of("X-Amz-Target", "Nobody.Home"), new byte[0]));

            assertThat(ok.status()).isEqualTo(200);
            assertThat(new String(ok.body())).isEqualTo("{\"said\":\"hi\"}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(new String(unknown.body())).contains("UnknownOperationException");
        }
    }

    @Test
    void store_shouldKeepCommittedDataAcrossRestart(@TempDir Path dataDir) {
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).discoverServices(false)
                .dataDirectory(dataDir).start()) {
            MVMap<String, String> map = runtime.context().store("sample").openMap("things");
            map.put("a", "1");
            runtime.context().store("sample").commit();
        }
        try (LocalRuntime runtime = LocalRuntime.builder().port(-1).discoverServices(false)
                .dataDirectory(dataDir).start()) {
            MVMap<String, String> map = runtime.context().store("sample").openMap("things");
            assertThat(map.get("a")).isEqualTo("1");
        }
    }

    private HttpResponse<String> get(LocalRuntime runtime, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(runtime.endpointUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(LocalRuntime runtime, String target, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(runtime.endpointUrl() + "/"))
                        .header("X-Amz-Target", target)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final class EchoService extends AwsJsonService {
        private final AtomicBoolean ready;

        EchoService(AtomicBoolean ready) {
            super("Echo", "1.0", "test.echo");
            this.ready = ready;
        }

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public boolean ready() {
            return ready.get();
        }

        @Override
        protected JsonNode invoke(String operation, ObjectNode input) {
            if (!operation.equals("Say")) {
                throw new AwsServiceException("UnknownOperationException", "no operation " + operation);
            }
            return JSON.createObjectNode().set("said", input.get("word"));
        }
    }
}
