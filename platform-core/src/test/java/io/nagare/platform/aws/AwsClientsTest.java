package io.nagare.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nagare.platform.function.FunctionEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

class AwsClientsTest {

    private static final Map<String, String> LOCAL = Map.of(
            "AWS_REGION", "ap-northeast-1",
            "AWS_ENDPOINT_URL", "http://localhost:4566",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "secret");

    @Test
    void build_shouldUseTheGeneralEndpointRegionAndCredentials_whenSet() {
        try (AwsClients clients = AwsClients.of(FunctionEnvironment.of(LOCAL));
             DynamoDbClient dynamoDb = clients.dynamoDb()) {
            assertThat(dynamoDb.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:4566"));
            assertThat(dynamoDb.serviceClientConfiguration().region()).isEqualTo(Region.AP_NORTHEAST_1);
            AwsCredentialsIdentity credentials = dynamoDb.serviceClientConfiguration().credentialsProvider()
                    .resolveIdentity().join();
            assertThat(credentials.accessKeyId()).isEqualTo("test");
            assertThat(credentials.secretAccessKey()).isEqualTo("secret");
        }
    }

    @Test
    void build_shouldPreferTheServiceEndpoint_whenOneIsSetForThatService() {
        Map<String, String> env = new java.util.HashMap<>(LOCAL);
        env.put("AWS_ENDPOINT_URL_SQS", "http://localhost:9324");
        env.put("AWS_ENDPOINT_URL_SFN", "http://localhost:8083");
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", "http://localhost:4010");
        try (AwsClients clients = AwsClients.of(FunctionEnvironment.of(env));
             SqsClient sqs = clients.build(SqsClient.builder());
             SfnClient sfn = clients.build(SfnClient.builder());
             EventBridgeClient events = clients.eventBridge();
             DynamoDbClient dynamoDb = clients.build(DynamoDbClient.builder())) {
            assertThat(sqs.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:9324"));
            assertThat(sfn.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:8083"));
            assertThat(events.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:4010"));
            assertThat(dynamoDb.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:4566"));
        }
    }

    @Test
    void build_shouldLeaveTheEndpointToAws_whenNoneIsSetOrEndpointsAreIgnored() {
        Map<String, String> env = new java.util.HashMap<>(LOCAL);
        env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        try (AwsClients none = AwsClients.of(FunctionEnvironment.of(Map.of("AWS_REGION", "ap-northeast-1")));
             AwsClients ignored = AwsClients.of(FunctionEnvironment.of(env))) {
            assertThat(none.endpoint("DYNAMODB")).isEmpty();
            assertThat(ignored.endpoint("DYNAMODB")).isEmpty();
            try (SqsClient sqs = none.build(SqsClient.builder())) {
                assertThat(sqs.serviceClientConfiguration().endpointOverride()).isEmpty();
            }
        }
    }

    @Test
    void build_shouldUseSessionCredentialsAndTheDefaultRegion_whenThoseAreSet() {
        Map<String, String> env = Map.of("AWS_DEFAULT_REGION", "ap-northeast-3", "AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "b", "AWS_SESSION_TOKEN", "c");
        try (AwsClients clients = AwsClients.of(FunctionEnvironment.of(env));
             SfnClient sfn = clients.build(SfnClient.builder())) {
            assertThat(sfn.serviceClientConfiguration().region()).isEqualTo(Region.AP_NORTHEAST_3);
            AwsCredentialsIdentity credentials = sfn.serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
            assertThat(credentials).isInstanceOf(AwsSessionCredentialsIdentity.class);
            assertThat(((AwsSessionCredentialsIdentity) credentials).sessionToken()).isEqualTo("c");
        }
    }

    @Test
    void create_shouldReadTheEnvironmentBoundToThisThread() {
        FunctionEnvironment.Scope scope = FunctionEnvironment.of(LOCAL).bind();
        try (AwsClients clients = AwsClients.create()) {
            assertThat(clients.region()).contains(Region.AP_NORTHEAST_1);
            assertThat(clients.endpoint("SQS")).contains(URI.create("http://localhost:4566"));
        } finally {
            scope.close();
        }
        try (AwsClients unbound = AwsClients.create()) {
            assertThat(unbound.environment()).isNotSameAs(FunctionEnvironment.of(LOCAL));
            assertThat(unbound.environment().variables()).isEqualTo(System.getenv().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }

    @Test
    void dynamoDbEnhanced_shouldWrapAClientBuiltTheSameWay() {
        try (AwsClients clients = AwsClients.of(FunctionEnvironment.of(LOCAL))) {
            assertThat(clients.dynamoDbEnhanced()).isNotNull();
        }
    }

    @Test
    void serviceId_shouldComeFromTheBuilderType() {
        assertThat(AwsClients.serviceId(SqsClient.builder())).isEqualTo("SQS");
        assertThat(AwsClients.serviceId(SfnClient.builder())).isEqualTo("SFN");
        assertThat(AwsClients.serviceId(DynamoDbClient.builder())).isEqualTo("DYNAMODB");
        assertThat(AwsClients.serviceId(EventBridgeClient.builder())).isEqualTo("EVENTBRIDGE");
        assertThatThrownBy(() -> AwsClients.serviceId(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpoint_shouldFailNamingTheService_whenTheUrlIsNotAUri() {
        try (AwsClients clients = AwsClients.of(FunctionEnvironment.of(Map.of("AWS_ENDPOINT_URL_SQS", "http://bad host")))) {
            assertThatThrownBy(() -> clients.endpoint("SQS")).hasMessageContaining("SQS");
        }
    }

    @Test
    void of_shouldSendThroughTheEnvironmentsHttpClient_andLeaveItOpen_whenTheEnvironmentHasOne() throws Exception {
        RecordingHttpClient transport = new RecordingHttpClient("{\"TableNames\":[\"orders\"]}");
        FunctionEnvironment environment = FunctionEnvironment.of(LOCAL).withHttpClient(transport);

        try (AwsClients clients = AwsClients.of(environment); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            assertThat(dynamoDb.listTables().tableNames()).containsExactly("orders");
        }

        assertThat(transport.targets).containsExactly("DynamoDB_20120810.ListTables");
        assertThat(transport.hosts).containsExactly("localhost:4566");
        assertThat(transport.closed).isFalse();
        assertThat(FunctionEnvironment.of(LOCAL).httpClient()).isEmpty();
    }

    /** Answers every request with one JSON body, recording what it was sent. */
    private static final class RecordingHttpClient implements SdkHttpClient {
        private final String body;
        private final List<String> targets = new CopyOnWriteArrayList<>();
        private final List<String> hosts = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        RecordingHttpClient(String body) {
            this.body = body;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    targets.add(request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(""));
                    hosts.add(request.httpRequest().host() + ":" + request.httpRequest().port());
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpFullResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(
                                    body.getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
