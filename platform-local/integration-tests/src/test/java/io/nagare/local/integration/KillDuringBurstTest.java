package io.nagare.local.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The runtime process killed with SIGKILL while several clients send PutEvents, then started again on the same data
 * directory: every event whose PutEvents call was answered reaches the rule's SQS queue (at least once).
 */
class KillDuringBurstTest {

    private static final int SENDERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 2_000;
    private static final Duration START_DEADLINE = Duration.ofMinutes(2);
    private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void killMinus9_shouldLoseNoAcknowledgedEvent_whenKilledDuringABurstOfPutEvents() throws Exception {
        Path data = directory.resolve("data");
        Process first = start(data, "first");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (LocalAws aws = new LocalAws("http://localhost:" + port(first))) {
            aws.createQueue("shipments");
            aws.events.putRule(b -> b.name("ship").eventPattern("{\"source\":[\"burst\"]}"));
            aws.events.putTargets(b -> b.rule("ship").targets(Target.builder().id("queue")
                    .arn(LocalAws.queueArn("shipments")).inputPath("$.detail").build()));

            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger refused = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                String sender = "s" + s;
                Thread thread = new Thread(() -> send(aws, sender, acknowledged, refused, killed));
                thread.start();
                senders.add(thread);
            }
            synchronized (acknowledged) {
                long deadline = System.nanoTime() + START_DEADLINE.toNanos();
                while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline
                        && senders.stream().anyMatch(Thread::isAlive)) {
                    acknowledged.wait(1_000);
                }
            }
            killed.set(true);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread thread : senders) {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            }
            assertThat(refused).as("entries PutEvents refused").hasValue(0);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        Process second = start(data, "second");
        Set<String> delivered = new HashSet<>();
        try (LocalAws aws = new LocalAws("http://localhost:" + port(second))) {
            String queueUrl = aws.sqs.getQueueUrl(b -> b.queueName("shipments")).queueUrl();
            long deadline = System.nanoTime() + DELIVERY_DEADLINE.toNanos();
            while (!delivered.containsAll(acknowledged) && System.nanoTime() < deadline) {
                List<Message> messages = aws.receive(queueUrl, 1);
                for (Message message : messages) {
                    delivered.add(JSON.readTree(message.body()).path("id").asText());
                }
                if (!messages.isEmpty()) {
                    aws.sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(messages.stream()
                            .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                    .receiptHandle(m.receiptHandle()).build()).toList()));
                }
            }
        }

        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(delivered);
        assertThat(lost).as("acknowledged events never delivered, of %d acknowledged", acknowledged.size()).isEmpty();
    }

    /** Sends PutEvents of ten events until the runtime is killed; records the ids of every accepted entry. */
    private static void send(LocalAws aws, String sender, Set<String> acknowledged, AtomicInteger refused,
                             AtomicBoolean killed) {
        for (int call = 0; !killed.get(); call++) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = sender + "-" + call + "-" + i;
                ids.add(id);
                entries.add(PutEventsRequestEntry.builder().source("burst").detailType("Shipment")
                        .detail("{\"id\":\"" + id + "\"}").build());
            }
            PutEventsResponse response;
            try {
                response = aws.events.putEvents(b -> b.entries(entries));
            } catch (RuntimeException e) {
                // The runtime was killed while this call was in flight: it was not acknowledged.
                return;
            }
            synchronized (acknowledged) {
                for (int i = 0; i < ids.size(); i++) {
                    if (response.entries().get(i).errorCode() == null) {
                        acknowledged.add(ids.get(i));
                    } else {
                        refused.incrementAndGet();
                    }
                }
                acknowledged.notifyAll();
            }
        }
    }

    private Process start(Path data, String name) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RuntimeProcess.class.getName(), data.toString())
                .redirectError(directory.resolve(name + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        processes.add(process);
        return process;
    }

    /** The port the process prints once it serves; its later output is drained so it never blocks on the pipe. */
    private static int port(Process process) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("port ")) {
                        port.complete(Integer.parseInt(line.substring(5).strip()));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the runtime process ended without serving"));
        });
        reader.setDaemon(true);
        reader.start();
        return port.get(START_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
}
