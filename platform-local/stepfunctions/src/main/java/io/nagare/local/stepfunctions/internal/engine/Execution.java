package io.nagare.local.stepfunctions.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.internal.asl.StateMachineDefinition;
import io.nagare.local.stepfunctions.internal.json.Json;

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
    final Map<String, Frame> frames = new LinkedHashMap<>();
    final List<LocalClock.Timer> timers = new ArrayList<>();
    final Map<String, Integer> mockInvocations = new HashMap<>();
    final CompletableFuture<ExecutionRecord> completion = new CompletableFuture<>();
    private final ObjectNode contextExecution;
    private final ObjectNode contextStateMachine;
    long eventCount;

    Execution(ExecutionRecord record, StateMachineDefinition definition, Journal journal, Mailbox mailbox,
              String stateMachineName) {
        this.record = record;
        this.definition = definition;
        this.journal = journal;
        this.mailbox = mailbox;
        this.contextExecution = Json.object();
        contextExecution.put("Id", record.arn());
        contextExecution.set("Input", Json.parse(record.input()));
        contextExecution.put("Name", record.name());
        contextExecution.put("RoleArn", record.roleArn());
        contextExecution.put("StartTime", CONTEXT_TIME.format(record.startDate()));
        this.contextStateMachine = Json.object();
        contextStateMachine.put("Id", record.stateMachineArn());
        contextStateMachine.put("Name", stateMachineName);
    }

    /** The context object's Execution member (RedriveCount and RedriveTime follow redrives). */
    ObjectNode contextExecution() {
        ObjectNode execution = Json.shallowCopy(contextExecution);
        execution.put("RedriveCount", record.redriveCount());
        if (record.redriveDate() != null) {
            execution.put("RedriveTime", CONTEXT_TIME.format(record.redriveDate()));
        }
        return execution;
    }

    ObjectNode contextStateMachine() {
        return contextStateMachine;
    }

    Frame root() {
        return frames.get(ROOT);
    }

    /** Appends a history event; the frame's last event becomes its predecessor. */
    long record(Frame frame, Instant at, String type, String detailsField, ObjectNode details) {
        long id = ++eventCount;
        ObjectNode event = Json.object();
        event.put("timestamp", BigDecimal.valueOf(at.toEpochMilli(), 3));
        event.put("type", type);
        event.put("id", id);
        event.put("previousEventId", frame == null ? id - 1 : frame.lastEventId);
        if (detailsField != null) {
            event.set(detailsField, details);
        }
        journal.appendEvent(record.seq(), id, Json.bytes(event));
        if (frame != null) {
            frame.lastEventId = id;
        }
        return id;
    }

    void save(Frame frame) {
        journal.saveFrame(record.seq(), frame);
    }

    static ObjectNode dataDetails(String field, JsonNode value) {
        ObjectNode details = Json.object();
        details.put(field, Json.write(value));
        ObjectNode truncated = Json.object();
        truncated.put("truncated", false);
        details.set(field + "Details", truncated);
        return details;
    }
}
