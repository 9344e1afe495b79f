package io.nagare.local.stepfunctions.internal.api;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.stepfunctions.internal.engine.ExecutionEngine;
import io.nagare.local.stepfunctions.internal.engine.ExecutionRecord;
import io.nagare.local.stepfunctions.internal.engine.ExecutionStatus;
import io.nagare.local.stepfunctions.internal.engine.MockConfig;
import io.nagare.local.stepfunctions.internal.engine.StateMachineRecord;
import io.nagare.local.stepfunctions.internal.json.Json;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/**
 * StartExecution, StartSyncExecution, DescribeExecution, DescribeStateMachineForExecution, ListExecutions,
 * GetExecutionHistory, StopExecution and RedriveExecution.
 */
final class ExecutionOperations {

    /** Express executions last at most five minutes on AWS. */
    private static final long SYNC_LIMIT_SECONDS = 300;

    private final ExecutionEngine engine;
    private final StepFunctionsStore store;
    private final StateMachineOperations machines;
    private final Arns arns;
    private final MockConfig mocks;

    ExecutionOperations(ExecutionEngine engine, StepFunctionsStore store, StateMachineOperations machines, Arns arns,
                        MockConfig mocks) {
        this.engine = engine;
        this.store = store;
        this.machines = machines;
        this.arns = arns;
        this.mocks = mocks;
    }

    JsonNode start(ObjectNode input) {
        ExecutionRecord record = startExecution(input, false).record();
        store.awaitDurable();
        ObjectNode out = Json.object();
        out.put("executionArn", record.arn());
        out.put("startDate", Requests.timestamp(record.startDate()));
        return out;
    }

    JsonNode startSync(ObjectNode input) {
        ExecutionEngine.Started started = startExecution(input, true);
        ExecutionRecord done;
        try {
            done = started.completion().get(SYNC_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsServiceException("InternalFailure", "interrupted", 500);
        } catch (ExecutionException | TimeoutException e) {
            throw new AwsServiceException("ExecutionLimitExceeded", "The execution did not end within "
                    + SYNC_LIMIT_SECONDS + " seconds, the duration limit of EXPRESS executions");
        }
        ObjectNode out = Json.object();
        out.put("executionArn", done.arn());
        out.put("stateMachineArn", done.stateMachineArn());
        out.put("name", done.name());
        out.put("startDate", Requests.timestamp(done.startDate()));
        out.put("stopDate", Requests.timestamp(done.stopDate()));
        out.put("status", done.status().name());
        putIfPresent(out, "error", done.error());
        putIfPresent(out, "cause", done.cause());
        out.put("input", done.input());
        out.set("inputDetails", included());
        if (done.output() != null) {
            out.put("output", done.output());
            out.set("outputDetails", included());
        }
        ObjectNode billing = Json.object();
        billing.put("billedMemoryUsedInMB", 64);
        billing.put("billedDurationInMilliseconds",
                Math.max(100, done.stopDate().toEpochMilli() - done.startDate().toEpochMilli()));
        out.set("billingDetails", billing);
        return out;
    }

    private ExecutionEngine.Started startExecution(ObjectNode input, boolean sync) {
        Arns.StateMachineRef ref = arns.stateMachineRef(Requests.required(input, "stateMachineArn"));
        String name = Requests.optional(input, "name");
        if (name != null) {
            Requests.validName(name);
        }
        String executionInput = input.hasNonNull("input") ? Requests.required(input, "input") : "{}";
        Requests.validPayload(executionInput, "InvalidExecutionInput", "Invalid State Machine Execution Input");
        JsonNode parsed;
        try {
            parsed = Json.parse(executionInput);
        } catch (IllegalArgumentException e) {
            throw new AwsServiceException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getMessage() + "'");
        }
        StateMachineRecord machine = machines.existing(ref.arn());
        if (sync && !machine.express()) {
            throw new AwsServiceException("StateMachineTypeNotSupported", "This operation is not supported by this "
                    + "type of state machine");
        }
        if (ref.testCase() != null && (mocks == null || !mocks.hasTestCase(machine.name(), ref.testCase()))) {
            throw new AwsServiceException("ValidationException", "Test case '" + ref.testCase() + "' is not in the "
                    + "mock config for state machine '" + machine.name() + "'"
                    + (mocks == null ? " (no mock config is loaded)" : ""));
        }
        return engine.start(machine, name, executionInput, parsed, ref.testCase(), null);
    }

    JsonNode describe(ObjectNode input) {
        ExecutionRecord record = existing(Requests.required(input, "executionArn"));
        ObjectNode out = Json.object();
        out.put("executionArn", record.arn());
        out.put("stateMachineArn", record.stateMachineArn());
        out.put("name", record.name());
        out.put("status", record.status().name());
        out.put("startDate", Requests.timestamp(record.startDate()));
        if (record.stopDate() != null) {
            out.put("stopDate", Requests.timestamp(record.stopDate()));
        }
        out.put("input", record.input());
        out.set("inputDetails", included());
        if (record.output() != null) {
            out.put("output", record.output());
            out.set("outputDetails", included());
        }
        putIfPresent(out, "error", record.error());
        putIfPresent(out, "cause", record.cause());
        out.put("redriveCount", record.redriveCount());
        if (record.redriveDate() != null) {
            out.put("redriveDate", Requests.timestamp(record.redriveDate()));
        }
        boolean closedUnsuccessfully = record.status().terminal() && record.status() != ExecutionStatus.SUCCEEDED
                && record.redrivePoint() != null;
        boolean redrivable = closedUnsuccessfully && engine.withinRedriveWindow(record);
        out.put("redriveStatus", redrivable ? "REDRIVABLE" : "NOT_REDRIVABLE");
        if (!redrivable) {
            out.put("redriveStatusReason", closedUnsuccessfully ? "Execution stopped more than 14 days ago"
                    : "Execution is " + record.status() + " and cannot be redriven");
        }
        return out;
    }

    JsonNode describeStateMachineFor(ObjectNode input) {
        ExecutionRecord record = existing(Requests.required(input, "executionArn"));
        StateMachineRecord machine = machines.existing(record.stateMachineArn());
        String definition = store.revision(machine.arn(), record.revisionId());
        ObjectNode out = Json.object();
        out.put("stateMachineArn", machine.arn());
        out.put("name", machine.name());
        out.put("definition", definition == null ? machine.definition() : definition);
        out.put("roleArn", machine.roleArn());
        out.put("updateDate", Requests.timestamp(machine.updateDate()));
        out.set("loggingConfiguration", machine.loggingConfiguration());
        out.set("tracingConfiguration", machine.tracingConfiguration());
        out.put("revisionId", record.revisionId());
        return out;
    }

    JsonNode list(ObjectNode input) {
        if (input.hasNonNull("mapRunArn")) {
            throw new AwsServiceException("ValidationException", "not supported: listing the executions of a map run "
                    + "(Distributed Map runs inline here)");
        }
        String machineArn = arns.stateMachineArn(Requests.required(input, "stateMachineArn"));
        StateMachineRecord machine = machines.existing(machineArn);
        if (machine.express()) {
            throw new AwsServiceException("StateMachineTypeNotSupported", "This operation is not supported by this "
                    + "type of state machine");
        }
        String statusFilter = Requests.optional(input, "statusFilter");
        if (statusFilter != null) {
            try {
                ExecutionStatus.valueOf(statusFilter);
            } catch (IllegalArgumentException e) {
                throw new AwsServiceException("ValidationException", "1 validation error detected: Value '"
                        + statusFilter + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum "
                        + "value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
            }
        }
        String redriveFilter = Requests.optional(input, "redriveFilter");
        int max = Requests.maxResults(input, 100);
        String token = Requests.position(Requests.optional(input, "nextToken"));
        Long position;
        try {
            position = token == null ? null : Long.valueOf(token);
        } catch (NumberFormatException e) {
            throw new AwsServiceException("InvalidToken", "Invalid Token: '" + input.get("nextToken").asText() + "'");
        }
        ArrayNode executions = Json.array();
        String nextToken = null;
        Long last = null;
        while (nextToken == null) {
            List<Long> page = store.executionsOf(machine.seq(), position, 256);
            if (page.isEmpty()) {
                break;
            }
            for (long seq : page) {
                position = seq;
                byte[] stored = store.execution(seq);
                ExecutionRecord record = stored == null ? null : ExecutionRecord.fromJson(Json.parse(stored));
                if (record == null || (statusFilter != null && !record.status().name().equals(statusFilter))
                        || (redriveFilter != null && !redriveMatches(redriveFilter, record))) {
                    continue;
                }
                if (executions.size() == max) {
                    nextToken = Requests.token(Long.toString(last));
                    break;
                }
                ObjectNode item = executions.addObject();
                item.put("executionArn", record.arn());
                item.put("stateMachineArn", record.stateMachineArn());
                item.put("name", record.name());
                item.put("status", record.status().name());
                item.put("startDate", Requests.timestamp(record.startDate()));
                if (record.stopDate() != null) {
                    item.put("stopDate", Requests.timestamp(record.stopDate()));
                }
                if (record.redriveCount() > 0) {
                    item.put("redriveCount", record.redriveCount());
                    item.put("redriveDate", Requests.timestamp(record.redriveDate()));
                }
                last = seq;
            }
        }
        ObjectNode out = Json.object();
        out.set("executions", executions);
        if (nextToken != null) {
            out.put("nextToken", nextToken);
        }
        return out;
    }

    private static boolean redriveMatches(String filter, ExecutionRecord record) {
        return switch (filter) {
            case "REDRIVEN" -> record.redriveCount() > 0;
            case "NOT_REDRIVEN" -> record.redriveCount() == 0;
            default -> throw new AwsServiceException("ValidationException", "1 validation error detected: Value '"
                    + filter + "' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [REDRIVEN, NOT_REDRIVEN]");
        };
    }

    JsonNode history(ObjectNode input) {
        ExecutionRecord record = existing(Requests.required(input, "executionArn"));
        int max = Requests.maxResults(input, 100);
        boolean reverse = Requests.bool(input, "reverseOrder", false);
        boolean includeData = Requests.bool(input, "includeExecutionData", true);
        long last = engine.lastEventId(record);
        String position = Requests.position(Requests.optional(input, "nextToken"));
        long from;
        try {
            from = position == null ? (reverse ? last : 1) : Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new AwsServiceException("InvalidToken", "Invalid Token: '" + input.get("nextToken").asText() + "'");
        }
        long to = reverse ? Math.max(1, from - max + 1) : Math.min(last, from + max - 1);
        List<byte[]> events = engine.events(record, Math.min(from, to), Math.max(from, to));
        ArrayNode out = Json.array();
        for (byte[] bytes : events) {
            ObjectNode event = (ObjectNode) Json.parse(bytes);
            if (!includeData) {
                stripData(event);
            }
            out.add(event);
        }
        if (reverse) {
            ArrayNode reversed = Json.array();
            for (int i = out.size() - 1; i >= 0; i--) {
                reversed.add(out.get(i));
            }
            out = reversed;
        }
        ObjectNode response = Json.object();
        response.set("events", out);
        long next = reverse ? to - 1 : to + 1;
        if (reverse ? next >= 1 : next <= last) {
            response.put("nextToken", Requests.token(Long.toString(next)));
        }
        return response;
    }

    private static void stripData(ObjectNode event) {
        event.properties().forEach(field -> {
            if (field.getValue() instanceof ObjectNode details) {
                for (String data : List.of("input", "output", "parameters")) {
                    if (details.has(data)) {
                        details.remove(data);
                    }
                }
                details.remove("assignedVariables");
            }
        });
    }

    JsonNode stop(ObjectNode input) {
        String arn = Requests.required(input, "executionArn");
        String error = Requests.maxLength("error", Requests.optional(input, "error"), 256);
        String cause = Requests.maxLength("cause", Requests.optional(input, "cause"), 32768);
        ExecutionRecord record = existing(arn);
        engine.stop(arn, error, cause);
        store.awaitDurable();
        ExecutionRecord stopped = engine.find(arn);
        ObjectNode out = Json.object();
        out.put("stopDate", Requests.timestamp(stopped.stopDate() == null ? record.startDate() : stopped.stopDate()));
        return out;
    }

    JsonNode redrive(ObjectNode input) {
        ExecutionRecord record = existing(Requests.required(input, "executionArn"));
        ExecutionRecord redriven = engine.redrive(record);
        store.awaitDurable();
        ObjectNode out = Json.object();
        out.put("redriveDate", Requests.timestamp(redriven.redriveDate()));
        return out;
    }

    private ExecutionRecord existing(String arn) {
        arns.execution(arn);
        if (arns.isExpressExecution(arn)) {
            throw new AwsServiceException("StateMachineTypeNotSupported", "This operation is not supported by EXPRESS "
                    + "state machines: '" + arn + "'");
        }
        ExecutionRecord record = engine.find(arn);
        if (record == null) {
            throw new AwsServiceException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return record;
    }

    private static ObjectNode included() {
        ObjectNode details = Json.object();
        details.put("included", true);
        return details;
    }

    private static void putIfPresent(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
