package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.lambda.handlers.GreetingDescriber;
import io.nagare.local.lambda.handlers.LargeResponseHandler;
import io.nagare.local.lambda.handlers.MethodHandlers;
import io.nagare.local.lambda.handlers.NoDefaultConstructorHandler;
import io.nagare.local.lambda.handlers.UntypedHandler;
import io.nagare.platform.model.PlatformModel;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Handler classes the Java runtime accepts, and the errors it gives for those it does not. */
class HandlerShapesTest {

    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.start(PlatformModel.builder().owner("test")
                .function("describe", f -> f.handler(GreetingDescriber.class))
                .function("untyped", f -> f.handler(UntypedHandler.class))
                .function("needs-arguments", f -> f.handler(NoDefaultConstructorHandler.class))
                .function("no-such-method", f -> f.handler(MethodHandlers.class.getName() + "::whisper"))
                .function("not-a-handler", f -> f.handler(String.class.getName()))
                .function("large", f -> f.handler(LargeResponseHandler.class))
                .build());
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void invoke_shouldResolveTheEventType_whenASuperclassBindsRequestHandlersTypeVariable() {
        assertThat(lambda.invoke("describe", "{\"name\": \"Haru\", \"times\": 3}").payload().asUtf8String())
                .isEqualTo("\"Haru x3\"");
    }

    @Test
    void invoke_shouldFailAsTheRuntimeDoes_whenRequestHandlerIsImplementedRaw() throws Exception {
        assertThat(error("untyped").path("errorMessage").asText()).isEqualTo("Class " + UntypedHandler.class.getName()
                + " does not implement RequestHandler with concrete type parameters");
    }

    @Test
    void invoke_shouldFailAsTheRuntimeDoes_whenTheHandlerHasNoZeroArgumentConstructor() throws Exception {
        JsonNode error = error("needs-arguments");

        assertThat(error.path("errorMessage").asText()).isEqualTo("Class "
                + NoDefaultConstructorHandler.class.getName() + " has no public zero-argument constructor");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.Exception");
    }

    @Test
    void invoke_shouldFailAsTheRuntimeDoes_whenTheNamedMethodDoesNotExist() throws Exception {
        assertThat(error("no-such-method").path("errorMessage").asText()).isEqualTo(
                "No public method named whisper with appropriate method signature found on class "
                        + MethodHandlers.class.getName());
    }

    @Test
    void invoke_shouldFailAsTheRuntimeDoes_whenTheClassIsNoHandler() throws Exception {
        assertThat(error("not-a-handler").path("errorMessage").asText())
                .isEqualTo("Class does not implement an appropriate handler interface: java.lang.String");
    }

    @Test
    void invoke_shouldFailWithResponseSizeTooLarge_whenTheResponseExceedsSixMegabytes() throws Exception {
        JsonNode error = error("large");

        assertThat(error.path("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(error.path("errorMessage").asText())
                .isEqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    }

    private static JsonNode error(String function) throws Exception {
        InvokeResponse response = lambda.invoke(function, "{}");
        assertThat(response.functionError()).isEqualTo("Unhandled");
        return Jsons.parse(response.payload().asByteArray());
    }
}
