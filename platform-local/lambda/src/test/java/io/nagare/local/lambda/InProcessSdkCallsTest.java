package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.lambda.handlers.TableListingHandler;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.platform.model.PlatformModel;

class InProcessSdkCallsTest {

    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.builder(PlatformModel.builder().owner("orders")
                        .function("lister", f -> f.handler(TableListingHandler.class).reads("orders"))
                        .function("remote-lister", f -> f.handler(TableListingHandler.class)
                                .environment("AWS_ENDPOINT_URL_DYNAMODB", "http://dynamodb.example:8000"))
                        .function("ignoring-lister", f -> f.handler(TableListingHandler.class)
                                .environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"))
                        .build())
                .service(new DynamoDbServiceFactory())
                .start();
        lambda.runtime.context().call(new LocalRequest("POST", "/", Map.of(),
                Map.of("X-Amz-Target", "DynamoDB_20120810.CreateTable",
                        "Content-Type", "application/x-amz-json-1.0"),
                ("{\"TableName\":\"orders\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}").getBytes()));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void handlerSdkClients_shouldReachTheRuntimeInProcess_whenTheirEndpointIsTheRuntime() throws Exception {
        JsonNode answer = invoke("lister", "{\"list\":true}");

        assertThat(answer.path("httpClient").asText()).isEqualTo("NagareInProcess");
        assertThat(answer.path("tables").toString()).isEqualTo("[\"orders\"]");
    }

    @Test
    void handlerSdkClients_shouldKeepTheirOwnHttpClient_whenAnEndpointNamesAnotherServer() throws Exception {
        assertThat(invoke("remote-lister", "{}").path("httpClient").asText()).isEqualTo("own");
        assertThat(invoke("ignoring-lister", "{}").path("httpClient").asText()).isEqualTo("own");
    }

    private static JsonNode invoke(String function, String payload) throws Exception {
        var response = lambda.invoke(function, payload);
        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        return Jsons.MAPPER.readTree(response.payload().asUtf8String());
    }
}
