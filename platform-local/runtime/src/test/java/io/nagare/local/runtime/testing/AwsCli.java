package io.nagare.local.runtime.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI, run against a local endpoint by the services' CLI scenario tests. Debian's {@code awscli}
 * ({@code /usr/bin/aws}) is preferred over another {@code aws} on PATH. Without a CLI the tests are skipped,
 * unless {@code NAGARE_REQUIRE_AWSCLI=1} (set by CI, which installs it): then they fail, so a CI run never passes
 * by skipping them.
 */
public final class AwsCli {

    private static final Path DEBIAN_CLI = Path.of("/usr/bin/aws");

    private AwsCli() {
    }

    /** What a CLI run printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    /** Skips the calling test when no CLI is installed and CI does not require one. */
    public static void assumeInstalled() {
        if ("1".equals(System.getenv("NAGARE_REQUIRE_AWSCLI"))) {
            if (executable().isEmpty()) {
                throw new AssertionError("NAGARE_REQUIRE_AWSCLI=1 but no AWS CLI is installed (apt-get install awscli)");
            }
            return;
        }
        assumeTrue(executable().isPresent(), "the AWS CLI (Debian package awscli) is not installed");
    }

    /** Runs {@code aws --endpoint-url <endpoint> <arguments>} with local credentials and region. */
    public static Result run(String endpointUrl, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable().orElseThrow().toString(),
                "--endpoint-url", endpointUrl));
        command.addAll(List.of(arguments));
        return start(new ProcessBuilder(command));
    }

    /**
     * Runs a bash script that calls {@code aws}, with {@code ENDPOINT} in its environment and the chosen CLI's
     * folder first on its PATH.
     */
    public static Result script(Path script, String endpointUrl) {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString());
        builder.environment().put("ENDPOINT", endpointUrl);
        builder.environment().put("PATH", executable().orElseThrow().getParent() + File.pathSeparator
                + builder.environment().getOrDefault("PATH", ""));
        return start(builder);
    }

    /** The CLI to run: Debian's when installed, else the first {@code aws} on PATH. */
    public static Optional<Path> executable() {
        if (Files.isExecutable(DEBIAN_CLI)) {
            return Optional.of(DEBIAN_CLI);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "aws");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Result start(ProcessBuilder builder) {
        builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "ap-northeast-1", "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_PAGER", ""));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the AWS CLI did not finish within 120 s: " + builder.command() + "\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running the AWS CLI", e);
        }
    }
}
