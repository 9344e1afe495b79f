package io.nagare.local.integration.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nagare.cli.demo.DemoReport;
import io.nagare.cli.demo.DemoRun;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The platform process killed with SIGKILL in the middle of a demo run (orders being placed, sagas running), then
 * started again on the same data directory; the demo run again with the same run id (which places nothing twice):
 * every order ends and the invariants hold (stock never negative, confirmed orders captured once, cancelled orders
 * keep no capture nor reservation).
 */
class KillDuringDemoTest {

    private static final int ORDERS = 40;
    private static final int SAGAS_BEFORE_KILL = 12;
    private static final Duration START_DEADLINE = Duration.ofMinutes(3);
    private static final String RUN_ID = "kill9";

    @TempDir
    Path directory;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killMinus9_shouldEndEveryOrderWithTheInvariantsHeld_whenKilledDuringADemoRun() throws Exception {
        Path data = directory.resolve("data");
        LocalPlatform.Ports ports = LocalPlatform.Ports.free();
        Process first = start(data, ports, "first");
        awaitReady(first, "first");

        DemoRun.Settings settings = new DemoRun.Settings(URI.create("http://localhost:" + ports.endpoint()),
                URI.create("http://localhost:" + ports.gateway()), data, RUN_ID, ORDERS, 4, Duration.ofMinutes(3));
        CompletableFuture<DemoReport> interrupted = CompletableFuture.supplyAsync(() -> demo(settings));
        awaitSagasStarted(ports, SAGAS_BEFORE_KILL);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted.handle((report, failure) -> failure != null || !report.passed()).get())
                .as("the demo run cut short by the kill").isTrue();

        Process second = start(data, ports, "second");
        awaitReady(second, "second");
        DemoReport report = demo(settings);

        assertThat(report.unfinished()).as("orders whose saga did not end").isZero();
        assertThat(report.brokenInvariants()).isEmpty();
        assertThat(report.completed() + report.compensated() + report.failed()).isEqualTo(ORDERS);
        assertThat(report.completed()).as("confirmed orders").isPositive();
    }

    private static DemoReport demo(DemoRun.Settings settings) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            return new DemoRun(settings, quiet, quiet).run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process start(Path data, LocalPlatform.Ports ports, String name) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PlatformProcess.class.getName(), data.toString(),
                Integer.toString(ports.endpoint()), Integer.toString(ports.gateway()),
                Integer.toString(ports.simulators()))
                .redirectOutput(directory.resolve(name + ".out").toFile())
                .redirectError(directory.resolve(name + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        processes.add(process);
        return process;
    }

    /** Polls the process's output for its {@code ready} line, with a deadline. */
    private void awaitReady(Process process, String name) throws Exception {
        Path out = directory.resolve(name + ".out");
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readAllLines(out, StandardCharsets.ISO_8859_1).contains("ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the platform process ended: " + Files.readString(
                        directory.resolve(name + ".err"), StandardCharsets.ISO_8859_1));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the platform process did not start within " + START_DEADLINE);
    }

    /** Polls ListExecutions until at least {@code count} sagas started, so the kill lands among running sagas. */
    private static void awaitSagasStarted(LocalPlatform.Ports ports, int count) throws InterruptedException {
        try (SfnClient sfn = SfnClient.builder().endpointOverride(URI.create("http://localhost:" + ports.endpoint()))
                .region(Region.of("ap-northeast-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String arn = "arn:aws:states:ap-northeast-1:000000000000:stateMachine:order-fulfilment";
            long deadline = System.nanoTime() + START_DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                if (sfn.listExecutions(r -> r.stateMachineArn(arn).maxResults(100)).executions().size() >= count) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("fewer than " + count + " sagas started within " + START_DEADLINE);
    }
}
