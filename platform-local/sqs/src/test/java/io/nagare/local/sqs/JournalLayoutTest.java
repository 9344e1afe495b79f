package io.nagare.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sqs.model.Message;

/** How the journal keeps messages in {@code sqs.mv.db}: by queue, in send order, and what an older layout becomes. */
class JournalLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    @Test
    void journal_shouldKeyEachQueuesMessagesBySendOrder_andForgetThemWithTheQueue() throws Exception {
        try (LocalSqs sqs = new LocalSqs(dataDirectory)) {
            String url = sqs.createQueue("in-order");
            for (int i = 1; i <= 3; i++) {
                String body = "m" + i;
                sqs.client.sendMessage(b -> b.queueUrl(url).messageBody(body));
            }
            sqs.createQueue("dropped");
            sqs.client.sendMessage(b -> b.queueUrl(sqs.queueUrl("dropped")).messageBody("x"));
            sqs.client.deleteQueue(b -> b.queueUrl(sqs.queueUrl("dropped")));
        }
        try (MVStore store = new MVStore.Builder().fileName(dataDirectory.resolve("sqs.mv.db").toString()).open()) {
            MVMap<Long, String> messages = store.openMap("messages/in-order");
            List<String> bodies = messages.values().stream().map(JournalLayoutTest::body).toList();

            assertThat(bodies).containsExactly("m1", "m2", "m3");
            assertThat(store.hasMap("messages/dropped")).isFalse();
        }
    }

    @Test
    void restart_shouldBringBackMessagesKeptByMessageId_byTheJournalOfEarlierVersions() {
        try (LocalSqs sqs = new LocalSqs(dataDirectory)) {
            String url = sqs.createQueue("legacy");
            sqs.client.sendMessage(b -> b.queueUrl(url).messageBody("kept before the upgrade"));
        }
        try (MVStore store = new MVStore.Builder().fileName(dataDirectory.resolve("sqs.mv.db").toString()).open()) {
            MVMap<Long, String> current = store.openMap("messages/legacy");
            MVMap<String, String> legacy = store.openMap("messages");
            current.values().forEach(json -> legacy.put("legacy/" + MessageCodec.id(json), json));
            store.removeMap(current);
            store.commit();
        }
        try (LocalSqs sqs = new LocalSqs(dataDirectory)) {
            List<Message> received = sqs.client.receiveMessage(b -> b.queueUrl(sqs.queueUrl("legacy"))).messages();

            assertThat(received).extracting(Message::body).containsExactly("kept before the upgrade");
        }
        try (MVStore store = new MVStore.Builder().fileName(dataDirectory.resolve("sqs.mv.db").toString()).open()) {
            assertThat(store.hasMap("messages")).isFalse();
            assertThat(store.<Long, String>openMap("messages/legacy")).hasSize(1);
        }
    }

    private static String body(String json) {
        try {
            return JSON.readTree(json).get("body").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
