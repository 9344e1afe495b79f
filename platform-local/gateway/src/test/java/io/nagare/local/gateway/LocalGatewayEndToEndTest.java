package io.nagare.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.api.PlatformApiDeclarations;
import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.lambda.LambdaServiceFactory;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.platform.model.PlatformDeclarations;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.TableDeclaration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The gateway in front of the platform API's functions, run by the local Lambda service, with DynamoDB, EventBridge
 * and SQS: a partner gets a token and posts an OrderPlaced, which a rule delivers to a queue.
 */
class LocalGatewayEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "http://localhost:8080";

    @TempDir
    static Path dataDirectory;

    private static LocalRuntime runtime;
    private static PlatformModel model;
    private static LocalGateway gateway;
    private static SqsClient sqs;
    private static String ordersQueueUrl;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A function answering with the event it got, behind a route with a path parameter. */
    public static final class EchoDeclarations implements PlatformDeclarations {
        @Override
        public String owner() {
            return "test";
        }

        @Override
        public void declare(PlatformModel.Builder model) {
            model.function("echo", f -> f.handler(EchoHandler.class));
            model.route("ANY", "/echo/{id}", r -> r.scopes("processes/read").target(Reference.function("echo")));
        }
    }

    @BeforeAll
    static void start() {
        model = PlatformModel.of(new PlatformApiDeclarations(), new EchoDeclarations());
        runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .service(new DynamoDbServiceFactory())
                .service(new SqsServiceFactory())
                .service(new EventBridgeServiceFactory())
                .service(new StepFunctionsServiceFactory().withInlineExecution().withExecutionStatusEvents(false))
                .service(new LambdaServiceFactory(model))
                .start();
        URI endpoint = URI.create(runtime.endpointUrl());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"));
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint)
                .region(Region.AP_NORTHEAST_1).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint)
                     .region(Region.AP_NORTHEAST_1).credentialsProvider(credentials)
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            for (TableDeclaration table : model.tables()) {
                dynamoDb.createTable(b -> b.tableName(table.name()).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName(table.partitionKey().name())
                                .attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName(table.partitionKey().name())
                                .keyType(KeyType.HASH).build()));
            }
            events.createEventBus(b -> b.name(PlatformApiDeclarations.BUS));
            sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                    .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            ordersQueueUrl = sqs.createQueue(b -> b.queueName("order-intake")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(ordersQueueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            events.putRule(b -> b.name("order-placed-to-intake").eventBusName(PlatformApiDeclarations.BUS)
                    .eventPattern("{\"source\": [\"nagare.partner.storefront\"], \"detail-type\": [\"OrderPlaced\"]}"));
            events.putTargets(b -> b.rule("order-placed-to-intake").eventBusName(PlatformApiDeclarations.BUS)
                    .targets(t -> t.id("intake").arn(queueArn)));
        }
        try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String stateMachineArn = sfn.createStateMachine(b -> b.name("order-fulfilment")
                    .roleArn("arn:aws:iam::000000000000:role/saga")
                    .definition("{\"StartAt\": \"ValidateOrder\", \"States\": {\"ValidateOrder\": {\"Type\": \"Pass\","
                            + " \"Result\": {\"status\": \"VALIDATED\"}, \"End\": true}}}")).stateMachineArn();
            sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name("o-status").input("{\"orderId\": \"o-status\"}"));
        }
        gateway = startGateway();
    }

    private static LocalGateway startGateway() {
        return LocalGateway.start(GatewaySettings.builder(runtime.context(), model).port(0)
                .dataDirectory(dataDirectory).issuer(ISSUER).build());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sqs.close();
        runtime.close();
    }

    @Test
    void postEvent_shouldPutTheOrderOnTheBus_whenThePartnerHasAToken() throws Exception {
        String token = token(gateway.partner("storefront").orElseThrow(), "events/publish");

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(orderPlaced("o-e2e-1"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).at("/events/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(ordersQueueUrl).waitTimeSeconds(10)).messages();
        assertThat(messages).hasSize(1);
        JsonNode delivered = JSON.readTree(messages.get(0).body());
        assertThat(delivered.get("detail-type").asText()).isEqualTo("OrderPlaced");
        assertThat(delivered.at("/detail/orderId").asText()).isEqualTo("o-e2e-1");
        assertThat(delivered.at("/detail/_cloudevents/id").asText()).isEqualTo("o-e2e-1");
        sqs.deleteMessage(b -> b.queueUrl(ordersQueueUrl).receiptHandle(messages.get(0).receiptHandle()));
    }

    @Test
    void postEvent_shouldPublishABinaryModeEvent_whenItsBodyArrivesBase64Encoded() throws Exception {
        String token = token(gateway.partner("storefront").orElseThrow(), "events/publish");
        String data = JSON.readTree(orderPlaced("o-e2e-binary")).get("data").toString();

        // Without Content-Type the body is not known to be text: API Gateway passes it base64-encoded.
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("ce-specversion", "1.0").header("ce-id", "o-e2e-binary")
                .header("ce-source", "nagare.partner.storefront").header("ce-type", "OrderPlaced")
                .POST(HttpRequest.BodyPublishers.ofString(data)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(ordersQueueUrl).waitTimeSeconds(10)).messages();
        assertThat(messages).extracting(m -> JSON.readTree(m.body()).at("/detail/orderId").asText())
                .containsExactly("o-e2e-binary");
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(ordersQueueUrl).receiptHandle(m.receiptHandle())));
    }

    @Test
    void postEvent_shouldAnswer401_whenThereIsNoToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/v1/events"))
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(orderPlaced("o-e2e-2"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).contains("Bearer");
    }

    @Test
    void getProcesses_shouldAnswer403_whenTheTokenLacksTheRoutesScope() throws Exception {
        String token = token(gateway.partner("carrier").orElseThrow(), null);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/v1/processes?businessKey=o-1"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void getProcesses_shouldReportTheSagaInstance_whenTheTokenHasTheScope() throws Exception {
        String token = token(gateway.partner("storefront").orElseThrow(), "processes/read");

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/v1/processes?businessKey=o-status"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode process = JSON.readTree(response.body()).at("/processes/0");
        assertThat(process.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(process.at("/output/status").asText()).isEqualTo("VALIDATED");
        assertThat(process.at("/steps/0/name").asText()).isEqualTo("ValidateOrder");
    }

    @Test
    void request_shouldAnswer404_whenNoRouteMatches() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/v1/unknown")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void request_shouldPassTheEventAsApiGatewayBuildsIt_whenTheRouteMatches() throws Exception {
        Partner storefront = gateway.partner("storefront").orElseThrow();
        String token = token(storefront, null);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/echo/o-7?a=1&a=2&b=x%20y"))
                .header("Authorization", "Bearer " + token)
                .header("X-Multi", "one").header("X-Multi", "two")
                .header("Cookie", "c1=v1; c2=v2")
                .header("Content-Type", "application/octet-stream")
                .method("PUT", HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255})).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-echo")).contains("yes");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; Path=/");
        JsonNode event = JSON.readTree(response.body());
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("ANY /echo/{id}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/echo/o-7");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x%20y");
        assertThat(event.at("/queryStringParameters/a").asText()).isEqualTo("1,2");
        assertThat(event.at("/queryStringParameters/b").asText()).isEqualTo("x y");
        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("o-7");
        assertThat(event.get("cookies")).extracting(JsonNode::asText).containsExactly("c1=v1", "c2=v2");
        assertThat(event.at("/headers/x-multi").asText()).isEqualTo("one,two");
        assertThat(event.at("/headers/cookie").isMissingNode()).isTrue();
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).containsExactly(0, 1, 2, 255);
        JsonNode context = event.get("requestContext");
        assertThat(context.at("/http/method").asText()).isEqualTo("PUT");
        assertThat(context.at("/http/path").asText()).isEqualTo("/echo/o-7");
        assertThat(context.at("/http/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("requestId").asText()).isEqualTo(response.headers().firstValue("apigw-requestid")
                .orElseThrow());
        assertThat(context.get("timeEpoch").asLong()).isPositive();
        assertThat(context.at("/authorizer/jwt/claims/client_id").asText()).isEqualTo(storefront.clientId());
        assertThat(context.at("/authorizer/jwt/claims/token_use").asText()).isEqualTo("access");
        assertThat(context.at("/authorizer/jwt/scopes")).extracting(JsonNode::asText)
                .containsExactly("events/publish", "processes/read");
    }

    @Test
    void token_shouldStillBeAccepted_whenTheGatewayRestarts() throws Exception {
        String token = token(gateway.partner("storefront").orElseThrow(), null);
        gateway.close();
        gateway = startGateway();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/echo/o-8"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void wellKnown_shouldServeTheKeysAndTheDiscoveryDocument_whenAsked() throws Exception {
        JsonNode discovery = JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri("/.well-known/openid-configuration"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode jwks = JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri("/.well-known/jwks.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(discovery.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(jwks.at("/keys/0/kty").asText()).isEqualTo("RSA");
    }

    private static String token(Partner partner, String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString((partner.clientId() + ":" + partner.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                        + (scope == null ? "" : "&scope=" + scope))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    private static String orderPlaced(String orderId) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "nagare.partner.storefront", "type": "OrderPlaced",
                 "time": "2026-11-28T09:15:00Z", "datacontenttype": "application/json",
                 "data": {"orderId": "%s", "customerId": "c-1", "currency": "EUR", "total": 39.80,
                          "lines": [{"sku": "TEA-SENCHA-100G", "quantity": 2, "unitPrice": 19.90}],
                          "placedAt": "2026-11-28T09:15:00Z"}}""".formatted(orderId, orderId);
    }
}
