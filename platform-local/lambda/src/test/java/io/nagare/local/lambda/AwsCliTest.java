package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        assumeTrue(onPath("aws"), "the AWS CLI (Debian package awscli) is not installed");
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

        Result invoked = aws("lambda", "invoke", "--function-name", "greet", "--payload",
                "{\"name\": \"Aoi\", \"times\": 1}", out.toString());

        assertThat(invoked.exit()).as(invoked.output()).isZero();
        assertThat(invoked.output()).contains("200").contains("$LATEST");
        assertThat(Files.readString(out)).contains("\"message\":\"hello Aoi\"");
    }

    @Test
    void awsCli_shouldShowTheFunctionError_whenTheFunctionFails() throws Exception {
        Path out = directory.resolve("error.json");

        Result invoked = aws("lambda", "invoke", "--function-name", "charge", "--payload", "{\"orderId\": \"o-5\"}",
                out.toString());

        assertThat(invoked.exit()).as(invoked.output()).isZero();
        assertThat(invoked.output()).contains("Unhandled");
        assertThat(Files.readString(out)).contains("\"errorMessage\":\"payment declined for o-5\"",
                "\"errorType\":\"java.lang.IllegalStateException\"");
    }

    @Test
    void awsCli_shouldListAndDescribeFunctions_andReportAMissingOne() throws Exception {
        Result listed = aws("lambda", "list-functions", "--query", "Functions[].FunctionName");
        Result missing = aws("lambda", "get-function", "--function-name", "refund");

        assertThat(listed.output().strip().split("\\s+")).containsExactly("charge", "greet");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.output()).contains("ResourceNotFoundException").contains(
                "Function not found: arn:aws:lambda:ap-northeast-1:000000000000:function:refund");
    }

    private record Result(int exit, String output) {
    }

    private static Result aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", lambda.runtime.endpointUrl(),
                "--output", "text"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "ap-northeast-1", "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", ""));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
