package io.nagare.local.stepfunctions.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.internal.asl.StateMachineDefinition;
import io.nagare.local.stepfunctions.internal.json.Json;
import io.nagare.local.stepfunctions.internal.json.JsonText;

/**
 * A running execution in memory: its record, its compiled definition, its frames and its history counter. Touched
 * only from its {@link Mailbox}.
 */
final class Execution {

    static final String ROOT = "r";
    static final DateTimeFormatter CONTEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** AWS ends an execution whose history would exceed this many events. */
    static final long MAX_EVENTS = 25_000;

    final ExecutionRecord record;
    final StateMachineDefinition definition;
    final Journal journal;
    final Mailbox mailbox;
    /** Concurrent because the API thread looks up the frame a task token names. */
    final Map<String, Frame> frames = new ConcurrentHashMap<>();
    final List<LocalClock.Timer> timers = new ArrayList<>();
    final Map<String, Integer> mockInvocations = new HashMap<>();
    final CompletableFuture<ExecutionRecord> completion = new CompletableFuture<>();
    private static final ObjectNode NOT_TRUNCATED = Json.object().put("truncated", false);

    private final String stateMachineName;
    private ObjectNode contextExecution;
    private ObjectNode contextStateMachine;
    private JsonNode input;
    private final StringBuilder turnEvents = new StringBuilder(1024);
    private final Set<Frame> dirty = new LinkedHashSet<>();
    private long lastRecorded;
    private JsonNode lastWritten;
    private String lastText;
    long eventCount;
    /** The last slot number given to a frame (frames are stored by slot). */
    long frameSlots;

    Execution(ExecutionRecord record, StateMachineDefinition definition, Journal journal, Mailbox mailbox,
              String stateMachineName) {
        this.record = record;
        this.definition = definition;
        this.journal = journal;
        this.mailbox = mailbox;
        this.stateMachineName = stateMachineName;
    }

    /** Hands over the input parsed by the caller, so it is not parsed again. */
    void startInput(JsonNode parsed) {
        this.input = parsed;
    }

    /** The execution's input, parsed once. */
    JsonNode input() {
        if (input == null) {
            input = Json.parse(record.input());
        }
        return input;
    }

    /** The context object's Execution member (RedriveCount and RedriveTime follow redrives). */
    ObjectNode contextExecution() {
        if (contextExecution == null) {
            contextExecution = Json.object();
            contextExecution.put("Id", record.arn());
            contextExecution.set("Input", input());
            contextExecution.put("Name", record.name());
            contextExecution.put("RoleArn", record.roleArn());
            contextExecution.put("StartTime", CONTEXT_TIME.format(record.startDate()));
        }
        ObjectNode execution = Json.shallowCopy(contextExecution);
        execution.put("RedriveCount", record.redriveCount());
        if (record.redriveDate() != null) {
            execution.put("RedriveTime", CONTEXT_TIME.format(record.redriveDate()));
        }
        return execution;
    }

    ObjectNode contextStateMachine() {
        if (contextStateMachine == null) {
            contextStateMachine = Json.object();
            contextStateMachine.put("Id", record.stateMachineArn());
            contextStateMachine.put("Name", stateMachineName);
        }
        return contextStateMachine;
    }

    Frame root() {
        return frames.get(ROOT);
    }

    /** Appends a history event; the frame's last event becomes its predecessor. */
    long record(Frame frame, Instant at, String type, String detailsField, ObjectNode details) {
        long id = ++eventCount;
        long previous = frame == null ? id - 1 : frame.lastEventId;
        if (frame != null) {
            frame.lastEventId = id;
        }
        if (!journal.keepsHistory()) {
            return id;
        }
        StringBuilder out = turnEvents;
        if (out.length() > 0) {
            out.append('\n');
        }
        long millis = at.toEpochMilli();
        out.append("{\"timestamp\":").append(millis / 1000).append('.');
        long fraction = millis % 1000;
        out.append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction);
        out.append(",\"type\":\"").append(type).append("\",\"id\":").append(id)
                .append(",\"previousEventId\":").append(previous);
        if (detailsField != null) {
            out.append(",\"").append(detailsField).append("\":");
            JsonText.write(details, out);
        }
        out.append('}');
        lastRecorded = id;
        return id;
    }

    /** Marks a frame to be persisted at the end of the current step. */
    void save(Frame frame) {
        dirty.add(frame);
    }

    /** Removes a frame from memory and from the journal. */
    void delete(Frame frame) {
        frames.remove(frame.id);
        dirty.remove(frame);
        journal.deleteFrame(record.seq(), frame);
    }

    /** Writes what the current step changed: its history events as one chunk, and the frames it touched. */
    void flush() {
        if (turnEvents.length() > 0) {
            journal.appendEvents(record.seq(), lastRecorded, turnEvents.toString().getBytes(StandardCharsets.UTF_8));
            turnEvents.setLength(0);
        }
        for (Frame frame : dirty) {
            journal.saveFrame(record.seq(), frame);
        }
        dirty.clear();
    }

    /** Details with a JSON value written as a string ({@code input}, {@code output}) and its truncation flag. */
    ObjectNode dataDetails(String field, JsonNode value) {
        ObjectNode details = Json.object();
        details.put(field, text(value));
        details.set(field + "Details", NOT_TRUNCATED);
        return details;
    }

    /** The JSON text of a value; a state's output is written once though it is also the next state's input. */
    String text(JsonNode value) {
        if (value != lastWritten) {
            lastWritten = value;
            lastText = Json.write(value);
        }
        return lastText;
    }
}
