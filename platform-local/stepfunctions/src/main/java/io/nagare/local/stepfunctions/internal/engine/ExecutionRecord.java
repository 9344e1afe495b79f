package io.nagare.local.stepfunctions.internal.engine;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * What DescribeExecution reports about one execution, plus what the engine needs to resume or redrive it. Mutated
 * only by the engine, through the execution's lifecycle ({@link ExecutionStatus#moveTo}).
 */
public final class ExecutionRecord {

    private final String arn;
    private final String stateMachineArn;
    private final long machineSeq;
    private final String name;
    private final String type;
    private final long seq;
    private final String revisionId;
    private final String input;
    private final Instant startDate;
    private final String roleArn;
    private final String testCase;
    private final String parentArn;
    private ExecutionStatus status;
    private String output;
    private String error;
    private String cause;
    private Instant stopDate;
    private int redriveCount;
    private Instant redriveDate;
    private ObjectNode redrivePoint;

    public ExecutionRecord(String arn, String stateMachineArn, long machineSeq, String name, String type, long seq,
                           String revisionId, String input, Instant startDate, String roleArn, String testCase,
                           String parentArn) {
        this.arn = arn;
        this.stateMachineArn = stateMachineArn;
        this.machineSeq = machineSeq;
        this.name = name;
        this.type = type;
        this.seq = seq;
        this.revisionId = revisionId;
        this.input = input;
        this.startDate = startDate;
        this.roleArn = roleArn;
        this.testCase = testCase;
        this.parentArn = parentArn;
        this.status = ExecutionStatus.RUNNING;
    }

    public String arn() {
        return arn;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    /** The number of the state machine it runs, which orders its listing. */
    public long machineSeq() {
        return machineSeq;
    }

    public String name() {
        return name;
    }

    /** STANDARD or EXPRESS. */
    public String type() {
        return type;
    }

    public boolean express() {
        return "EXPRESS".equals(type);
    }

    public long seq() {
        return seq;
    }

    public String revisionId() {
        return revisionId;
    }

    public String input() {
        return input;
    }

    public Instant startDate() {
        return startDate;
    }

    public String roleArn() {
        return roleArn;
    }

    /** The MockConfigFile test case the execution runs with, or null. */
    public String testCase() {
        return testCase;
    }

    public String parentArn() {
        return parentArn;
    }

    public ExecutionStatus status() {
        return status;
    }

    public String output() {
        return output;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public Instant stopDate() {
        return stopDate;
    }

    public int redriveCount() {
        return redriveCount;
    }

    public Instant redriveDate() {
        return redriveDate;
    }

    /** Where a redrive restarts (state, input, variables), or null when the execution cannot be redriven. */
    public ObjectNode redrivePoint() {
        return redrivePoint;
    }

    void succeed(String output, Instant at) {
        this.status = status.moveTo(ExecutionStatus.SUCCEEDED, arn);
        this.output = output;
        this.stopDate = at;
        this.redrivePoint = null;
    }

    void end(ExecutionStatus terminal, String error, String cause, Instant at, ObjectNode redrivePoint) {
        this.status = status.moveTo(terminal, arn);
        this.error = error;
        this.cause = cause;
        this.stopDate = at;
        this.redrivePoint = redrivePoint;
    }

    void redrive(Instant at) {
        this.status = status.moveTo(ExecutionStatus.RUNNING, arn);
        this.redriveCount++;
        this.redriveDate = at;
        this.error = null;
        this.cause = null;
        this.stopDate = null;
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("arn", arn);
        json.put("stateMachineArn", stateMachineArn);
        json.put("machineSeq", machineSeq);
        json.put("name", name);
        json.put("type", type);
        json.put("seq", seq);
        json.put("revisionId", revisionId);
        json.put("input", input);
        json.put("startDate", startDate.toEpochMilli());
        json.put("roleArn", roleArn);
        json.put("testCase", testCase);
        json.put("parentArn", parentArn);
        json.put("status", status.name());
        json.put("output", output);
        json.put("error", error);
        json.put("cause", cause);
        if (stopDate != null) {
            json.put("stopDate", stopDate.toEpochMilli());
        }
        json.put("redriveCount", redriveCount);
        if (redriveDate != null) {
            json.put("redriveDate", redriveDate.toEpochMilli());
        }
        json.set("redrivePoint", redrivePoint);
        return json;
    }

    public static ExecutionRecord fromJson(JsonNode json) {
        ExecutionRecord record = new ExecutionRecord(json.get("arn").textValue(), json.get("stateMachineArn").textValue(),
                json.get("machineSeq").longValue(), json.get("name").textValue(), json.get("type").textValue(), json.get("seq").longValue(),
                json.get("revisionId").textValue(), json.get("input").textValue(),
                Instant.ofEpochMilli(json.get("startDate").longValue()), text(json, "roleArn"), text(json, "testCase"),
                text(json, "parentArn"));
        record.status = ExecutionStatus.valueOf(json.get("status").textValue());
        record.output = text(json, "output");
        record.error = text(json, "error");
        record.cause = text(json, "cause");
        record.stopDate = json.hasNonNull("stopDate") ? Instant.ofEpochMilli(json.get("stopDate").longValue()) : null;
        record.redriveCount = json.path("redriveCount").intValue();
        record.redriveDate = json.hasNonNull("redriveDate") ? Instant.ofEpochMilli(json.get("redriveDate").longValue()) : null;
        record.redrivePoint = json.get("redrivePoint") instanceof ObjectNode point ? point : null;
        return record;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
