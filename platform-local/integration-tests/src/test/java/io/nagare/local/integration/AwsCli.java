package io.nagare.local.integration;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI as a developer runs it against the local endpoint ({@code --endpoint-url}, test credentials, no
 * profile). Debian's {@code /usr/bin/aws} is preferred over whatever comes first on PATH (a pyenv shim may offer an
 * older CLI). When no CLI is installed, {@link #require()} fails if the environment sets
 * {@code NAGARE_REQUIRE_AWSCLI=1} (CI installs the CLI and must not pass without it) and otherwise skips the test.
 */
final class AwsCli {

    static final String REQUIRE = "NAGARE_REQUIRE_AWSCLI";
    private static final Path DEBIAN_CLI = Path.of("/usr/bin/aws");

    private final Path executable;
    private final String endpointUrl;

    private AwsCli(Path executable, String endpointUrl) {
        this.executable = executable;
        this.endpointUrl = endpointUrl;
    }

    /** The CLI, or a failed or skipped test when it is missing (see the class comment). */
    static Path require() {
        return find(DEBIAN_CLI, System.getenv("PATH")).orElseGet(() -> missing(System.getenv(REQUIRE)));
    }

    /** Fails the test when {@code required} is {@code 1}, else skips it (an aborted test). */
    static Path missing(String required) {
        String message = "the AWS CLI is not installed (Debian package awscli; /usr/bin/aws or aws on PATH)";
        if ("1".equals(required)) {
            return fail(message + ", and " + REQUIRE + "=1 requires it");
        }
        return abort(message + "; set " + REQUIRE + "=1 to fail instead of skipping");
    }

    /** {@code debianCli} when it exists, else the first {@code aws} on {@code path}. */
    static Optional<Path> find(Path debianCli, String path) {
        if (Files.isExecutable(debianCli)) {
            return Optional.of(debianCli);
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "aws");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static AwsCli against(Path executable, String endpointUrl) {
        return new AwsCli(executable, endpointUrl);
    }

    record Result(int exit, String output) {
    }

    /** Runs {@code aws --endpoint-url <endpoint> --output text <arguments>}; standard error joins the output. */
    Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--endpoint-url", endpointUrl,
                "--output", "text"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", LocalAws.REGION, "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", "", "AWS_EC2_METADATA_DISABLED", "true"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("aws " + String.join(" ", arguments) + " did not end within 2 minutes");
        }
        return new Result(process.exitValue(), output);
    }
}
