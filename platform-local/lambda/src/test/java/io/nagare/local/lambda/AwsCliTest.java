package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nagare.local.runtime.testing.AwsCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nagare.local.lambda.handlers.FailingHandler;
import io.nagare.local.lambda.handlers.GreetingHandler;
import io.nagare.platform.model.PlatformModel;

/**
 * Drives the local Lambda with the AWS CLI, as a developer would with {@code --endpoint-url}. Needs {@code aws} on
 * PATH (Debian's {@code awscli}); without it the test says so instead of failing.
 */
class AwsCliTest {

    private static LocalLambda lambda;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        AwsCli.assumeInstalled();
        lambda = LocalLambda.start(PlatformModel.builder().owner("test")
                .function("greet", f -> f.handler(GreetingHandler.class))
                .function("charge", f -> f.handler(FailingHandler.class))
                .build());
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void awsCli_shouldInvokeAFunctionAndWriteItsResponse_whenPointedAtTheLocalEndpoint() throws Exception {
        Path out = directory.resolve("out.json");

        AwsCli.Result invoked = aws("lambda", "invoke", "--cli-binary-format", "raw-in-base64-out", "--function-name", "greet", "--payload",
                "{\"name\": \"Aoi\", \"times\": 1}", out.toString());

        assertThat(invoked.exitCode()).as(invoked.output()).isZero();
        assertThat(invoked.output()).contains("200").contains("$LATEST");
        assertThat(Files.readString(out)).contains("\"message\":\"hello Aoi\"");
    }

    @Test
    void awsCli_shouldShowTheFunctionError_whenTheFunctionFails() throws Exception {
        Path out = directory.resolve("error.json");

        AwsCli.Result invoked = aws("lambda", "invoke", "--cli-binary-format", "raw-in-base64-out", "--function-name", "charge", "--payload", "{\"orderId\": \"o-5\"}",
                out.toString());

        assertThat(invoked.exitCode()).as(invoked.output()).isZero();
        assertThat(invoked.output()).contains("Unhandled");
        assertThat(Files.readString(out)).contains("\"errorMessage\":\"payment declined for o-5\"",
                "\"errorType\":\"java.lang.IllegalStateException\"");
    }

    @Test
    void awsCli_shouldListAndDescribeFunctions_andReportAMissingOne() throws Exception {
        AwsCli.Result listed = aws("lambda", "list-functions", "--query", "Functions[].FunctionName");
        AwsCli.Result missing = aws("lambda", "get-function", "--function-name", "refund");

        assertThat(listed.output().strip().split("\\s+")).containsExactly("charge", "greet");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("ResourceNotFoundException").contains(
                "Function not found: arn:aws:lambda:ap-northeast-1:000000000000:function:refund");
    }

    private static AwsCli.Result aws(String... arguments) {
        String[] withOutput = new String[arguments.length + 2];
        withOutput[0] = "--output";
        withOutput[1] = "text";
        System.arraycopy(arguments, 0, withOutput, 2, arguments.length);
        return AwsCli.run(lambda.runtime.endpointUrl(), withOutput);
    }
}
