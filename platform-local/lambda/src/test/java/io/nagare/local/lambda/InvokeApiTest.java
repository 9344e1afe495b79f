package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.lambda.handlers.BrokenConstructorHandler;
import io.nagare.local.lambda.handlers.FailingHandler;
import io.nagare.local.lambda.handlers.GreetingHandler;
import io.nagare.local.lambda.handlers.MethodHandlers;
import io.nagare.local.lambda.handlers.UpperCaseStreamHandler;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class InvokeApiTest {

    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.start(PlatformModel.builder().owner("test")
                .function("greet", f -> f.handler(GreetingHandler.class))
                .function("charge", f -> f.handler(FailingHandler.class))
                .function("shout", f -> f.handler(UpperCaseStreamHandler.class))
                .function("shout-method", f -> f.handler(MethodHandlers.class.getName() + "::shout"))
                .function("copy-method", f -> f.handler(MethodHandlers.class.getName() + "::copy"))
                .function("missing-class", f -> f.handler("io.nagare.orders.NoSuchHandler"))
                .function("broken", f -> f.handler(BrokenConstructorHandler.class))
                .build());
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void invoke_shouldAnswerTheHandlersResult_whenAPojoHandlerSucceeds() throws Exception {
        InvokeResponse response = lambda.invoke("greet", "{\"name\": \"Aiko\", \"times\": 2}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        JsonNode payload = json(response);
        assertThat(payload.path("message").asText()).isEqualTo("hello Aiko hello Aiko");
        assertThat(payload.path("requestId").asText()).isEqualTo(response.responseMetadata().requestId());
    }

    @Test
    void invoke_shouldAnswerAnUnhandledErrorWithTheJavaRuntimesPayload_whenTheHandlerThrows() throws Exception {
        InvokeResponse response = lambda.invoke("charge", "{\"orderId\": \"o-1\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(response);
        assertThat(error.path("errorMessage").asText()).isEqualTo("payment declined for o-1");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("stackTrace")).isNotEmpty();
        assertThat(error.path("stackTrace").get(0).asText())
                .startsWith("io.nagare.local.lambda.handlers.FailingHandler.decline(FailingHandler.java:");
        assertThat(error.path("stackTrace").toString())
                .contains("FailingHandler.handleRequest")
                .doesNotContain("io.nagare.local.lambda.HandlerAdapters", "io.nagare.local.lambda.FunctionInvoker");
    }

    @Test
    void invoke_shouldAnswerTheLastLogLines_whenTheLogTypeIsTail() {
        InvokeResponse response = lambda.client.invoke(b -> b.functionName("greet").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\": \"Ren\", \"times\": 1}")));

        String requestId = response.responseMetadata().requestId();
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log).startsWith("START RequestId: " + requestId + " Version: $LATEST\n")
                .contains("greeting Ren\n", "END RequestId: " + requestId + "\n",
                        "REPORT RequestId: " + requestId + "\tDuration: ", "Memory Size: 512 MB");
    }

    @Test
    void invoke_shouldNotReturnALog_whenNoneIsAskedFor() {
        assertThat(lambda.invoke("greet", "{\"name\": \"Ren\", \"times\": 1}").logResult()).isNull();
    }

    @Test
    void invoke_shouldAcceptTheFunctionsArnAndPartialArn_whenTheyAreOfThisRegionAndAccount() {
        String arn = "arn:aws:lambda:ap-northeast-1:000000000000:function:greet";
        String payload = "{\"name\": \"Sora\", \"times\": 1}";

        assertThat(lambda.invoke(arn, payload).functionError()).isNull();
        assertThat(lambda.invoke("000000000000:function:greet", payload).functionError()).isNull();
        assertThat(lambda.invoke(arn + ":$LATEST", payload).functionError()).isNull();
    }

    @Test
    void invoke_shouldAnswerResourceNotFound_whenTheFunctionIsNotDeclared() {
        assertThatThrownBy(() -> lambda.invoke("refund", "{}"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:ap-northeast-1:000000000000:function:refund");
                });
    }

    @Test
    void invoke_shouldAnswerResourceNotFound_whenAVersionOrAnotherRegionIsNamed() {
        assertThatThrownBy(() -> lambda.client.invoke(b -> b.functionName("greet").qualifier("3")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: arn:aws:lambda:ap-northeast-1:000000000000:function:greet:3");
        assertThatThrownBy(() -> lambda.invoke("arn:aws:lambda:us-east-1:000000000000:function:greet", "{}"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: arn:aws:lambda:us-east-1:000000000000:function:greet");
    }

    @Test
    void invoke_shouldAnswerInvalidRequestContent_whenThePayloadIsNotJson() {
        assertThatThrownBy(() -> lambda.invoke("greet", "name=Aiko"))
                .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("Could not parse request body into json: Could not parse payload into json: ");
                });
    }

    @Test
    void invoke_shouldCheckWithoutRunning_whenTheInvocationTypeIsDryRun() {
        int before = FailingHandler.INVOCATIONS.get();

        InvokeResponse response = lambda.client.invoke(b -> b.functionName("charge")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(FailingHandler.INVOCATIONS.get()).isEqualTo(before);
    }

    @Test
    void invoke_shouldReportTheRuntimesParsingError_whenThePayloadDoesNotFitTheInputType() throws Exception {
        InvokeResponse response = lambda.invoke("greet", "{\"name\": \"Aiko\", \"times\": \"twice\"}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(response);
        assertThat(error.path("errorMessage").asText()).isEqualTo("An error occurred during JSON parsing");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.RuntimeException");
        assertThat(error.path("stackTrace")).isEmpty();
    }

    @Test
    void invoke_shouldPassBytesThrough_whenTheHandlerIsAStreamHandler() {
        InvokeResponse response = lambda.invoke("shout", "{\"word\": \"konnichiwa\"}");

        assertThat(response.payload().asUtf8String()).isEqualTo("{\"WORD\": \"KONNICHIWA\"}");
    }

    @Test
    void invoke_shouldCallTheNamedMethod_whenTheHandlerIsClassAndMethod() {
        assertThat(lambda.invoke("shout-method", "{\"name\": \"yuki\"}").payload().asUtf8String())
                .isEqualTo("\"YUKI via shout-method\"");
        assertThat(lambda.invoke("copy-method", "[1, 2, 3]").payload().asUtf8String()).isEqualTo("[1, 2, 3]");
    }

    @Test
    void invoke_shouldFailWithClassNotFound_whenTheHandlerClassIsNotOnTheClasspath() throws Exception {
        InvokeResponse response = lambda.invoke("missing-class", "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(response);
        assertThat(error.path("errorMessage").asText()).isEqualTo("Class not found: io.nagare.orders.NoSuchHandler");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(error.has("stackTrace")).isFalse();
    }

    @Test
    void invoke_shouldFailWithTheConstructorsException_whenTheHandlerCannotBeConstructed() throws Exception {
        InvokeResponse response = lambda.invoke("broken", "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(response);
        assertThat(error.path("errorMessage").asText()).isEqualTo("NAGARE_TABLE_ORDERS is not configured");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void invoke_shouldGiveTheHandlerAnEmptyObject_whenThePayloadIsEmpty() {
        InvokeResponse response = lambda.client.invoke(b -> b.functionName("shout"));

        assertThat(response.payload().asUtf8String()).isEqualTo("{}");
    }

    private static JsonNode json(InvokeResponse response) throws Exception {
        return Jsons.parse(response.payload().asByteArray());
    }
}
