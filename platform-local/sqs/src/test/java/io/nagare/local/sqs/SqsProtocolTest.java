package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nagare.local.runtime.LocalRequest;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsProtocolTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static LocalSqs sqs;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sqs.runtime.endpointUrl() + path))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void queryProtocol_shouldCreateAQueueAndSendToItsPath_whenAnOlderClientPostsForms() throws Exception {
        HttpResponse<String> created = post("/", "Action=CreateQueue&QueueName=legacy-orders&Version=2012-11-05");
        HttpResponse<String> sent = post("/000000000000/legacy-orders",
                "Action=SendMessage&MessageBody=hello%20from%20the%20CLI&Version=2012-11-05");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<QueueUrl>" + sqs.queueUrl("legacy-orders") + "</QueueUrl>");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sqs.client.receiveMessage(b -> b.queueUrl(sqs.queueUrl("legacy-orders"))).messages())
                .extracting(Message::body).containsExactly("hello from the CLI");
    }

    @Test
    void queryProtocol_shouldAnswerSqsXmlErrors_whenTheQueueIsMissing() throws Exception {
        HttpResponse<String> missing = post("/", "Action=GetQueueUrl&QueueName=absent&Version=2012-11-05");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("<Code>AWS.SimpleQueueService.NonExistentQueue</Code>")
                .contains("<Message>The specified queue does not exist.</Message>");
    }

    @Test
    void queryProtocol_shouldServeActionsInTheQueryString_whenSentAsGet() throws Exception {
        sqs.createQueue("listed-by-get");

        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(sqs.runtime.endpointUrl()
                        + "/?Action=ListQueues&QueueNamePrefix=listed-by&Version=2012-11-05")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("<QueueUrl>" + sqs.queueUrl("listed-by-get") + "</QueueUrl>");
    }

    @Test
    void isSqs_shouldClaimBothSqsProtocols_andLeaveOtherServicesAlone() {
        assertThat(SqsProtocol.isSqs(json("AmazonSQS.SendMessage"))).isTrue();
        assertThat(SqsProtocol.isSqs(form("Action=ReceiveMessage&Version=2012-11-05"))).isTrue();
        assertThat(SqsProtocol.isSqs(form("Action=DeleteMessage"))).isTrue();

        assertThat(SqsProtocol.isSqs(json("AWSEvents.PutEvents"))).isFalse();
        assertThat(SqsProtocol.isSqs(form("Action=AddPermission&TopicArn=t&Version=2010-03-31"))).isFalse();
        assertThat(SqsProtocol.isSqs(form("Action=Publish&Version=2010-03-31"))).isFalse();
        assertThat(SqsProtocol.isSqs(new LocalRequest("GET", "/_nagare/health", Map.of(), Map.of(), null)))
                .isFalse();
    }

    @Test
    void queueName_shouldNameTheQueueOfARequest_inEitherProtocol() {
        LocalRequest json = new LocalRequest("POST", "/", Map.of(), Map.of("X-Amz-Target", "AmazonSQS.PurgeQueue"),
                "{\"QueueUrl\":\"http://localhost:4566/000000000000/orders\"}".getBytes(StandardCharsets.UTF_8));
        LocalRequest byParameter = form("Action=PurgeQueue&QueueUrl=http%3A%2F%2Flocalhost%3A4566%2F000000000000%2Fdlq");
        LocalRequest byPath = new LocalRequest("POST", "/000000000000/payments", Map.of(),
                Map.of("Content-Type", FORM), "Action=PurgeQueue".getBytes(StandardCharsets.UTF_8));

        assertThat(SqsCall.of(json).queueName()).isEqualTo("orders");
        assertThat(SqsCall.of(byParameter).queueName()).isEqualTo("dlq");
        assertThat(SqsCall.of(byPath).queueName()).isEqualTo("payments");
        assertThat(SqsCall.of(json).action()).isEqualTo("PurgeQueue");
        assertThat(SqsCall.of(json("AmazonSQS.DeleteQueue")).queueName()).isNull();
    }

    @Test
    void health_shouldReportSqsReady_whenElasticMqAnswers() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(sqs.runtime.endpointUrl()
                + "/_nagare/health")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sqs.runtime.health()).containsEntry("sqs", true);
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static LocalRequest json(String target) {
        return new LocalRequest("POST", "/", Map.of(), Map.of("X-Amz-Target", target,
                "Content-Type", "application/x-amz-json-1.0"), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static LocalRequest form(String body) {
        return new LocalRequest("POST", "/", Map.<String, List<String>>of(), Map.of("Content-Type", FORM),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
