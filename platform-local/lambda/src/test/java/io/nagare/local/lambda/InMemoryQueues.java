package io.nagare.local.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An {@link SqsQueues} double: FIFO lists of messages; a received message is in flight (not received again) until
 * it is deleted or {@link #returnInFlight} makes it visible again, as a visibility timeout would.
 */
final class InMemoryQueues implements SqsQueues {

    private final Map<String, List<QueueMessage>> visible = new LinkedHashMap<>();
    private final Map<String, List<QueueMessage>> inFlight = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private int receiveCalls;

    synchronized String send(String queue, String body) {
        String id = UUID.randomUUID().toString();
        visible.computeIfAbsent(queue, q -> new ArrayList<>()).add(new QueueMessage(id, "handle-" + id, body,
                "md5-" + body.hashCode(), Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1772442000000"),
                null, Map.of("origin", new QueueMessage.Attribute("String", "test", null))));
        return id;
    }

    @Override
    public synchronized List<QueueMessage> receive(String queue, int maxMessages) {
        receiveCalls++;
        List<QueueMessage> messages = visible.getOrDefault(queue, new ArrayList<>());
        List<QueueMessage> received = new ArrayList<>(messages.subList(0, Math.min(maxMessages, messages.size())));
        messages.removeAll(received);
        inFlight.computeIfAbsent(queue, q -> new ArrayList<>()).addAll(received);
        return received;
    }

    @Override
    public synchronized void delete(String queue, List<QueueMessage> messages) {
        inFlight.getOrDefault(queue, new ArrayList<>()).removeAll(messages);
        messages.forEach(m -> deleted.add(m.body()));
    }

    synchronized void returnInFlight(String queue) {
        List<QueueMessage> returned = inFlight.getOrDefault(queue, new ArrayList<>());
        visible.computeIfAbsent(queue, q -> new ArrayList<>()).addAll(0, returned);
        returned.clear();
    }

    synchronized List<String> deletedBodies() {
        return List.copyOf(deleted);
    }

    synchronized int inFlight(String queue) {
        return inFlight.getOrDefault(queue, List.of()).size();
    }

    synchronized int receiveCalls() {
        return receiveCalls;
    }
}
