package io.nagare.local.stepfunctions.internal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalClock;
import io.nagare.local.stepfunctions.internal.asl.Diagnostics;
import io.nagare.local.stepfunctions.internal.asl.StateMachineDefinition;
import io.nagare.local.stepfunctions.internal.engine.Definitions;
import io.nagare.local.stepfunctions.internal.engine.StateMachineRecord;
import io.nagare.local.stepfunctions.internal.engine.StateMachines;
import io.nagare.local.stepfunctions.internal.json.Json;
import io.nagare.local.stepfunctions.internal.store.StepFunctionsStore;

/**
 * CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines, DeleteStateMachine and
 * ValidateStateMachineDefinition.
 */
final class StateMachineOperations {

    private final StepFunctionsStore store;
    private final StateMachines machines;
    private final Definitions definitions;
    private final Arns arns;
    private final LocalClock clock;

    StateMachineOperations(StepFunctionsStore store, StateMachines machines, Definitions definitions, Arns arns,
                           LocalClock clock) {
        this.store = store;
        this.machines = machines;
        this.definitions = definitions;
        this.arns = arns;
        this.clock = clock;
    }

    StateMachineRecord find(String arn) {
        return machines.find(arn);
    }

    StateMachineRecord existing(String arn) {
        StateMachineRecord machine = find(arn);
        if (machine == null) {
            throw new AwsServiceException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    JsonNode create(ObjectNode input) {
        String name = Requests.required(input, "name");
        String definition = Requests.required(input, "definition");
        String roleArn = Requests.required(input, "roleArn");
        String type = input.hasNonNull("type") ? Requests.required(input, "type") : "STANDARD";
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw new AwsServiceException("ValidationException", "1 validation error detected: Value '" + type
                    + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        if (Requests.bool(input, "publish", false)) {
            throw new AwsServiceException("ValidationException", "not supported: publishing state machine versions "
                    + "(publish=true); create without publish");
        }
        Requests.validName(name);
        Arns.role(roleArn);
        StateMachineDefinition compiled = compile(definition);
        String arn = arns.stateMachine(name);
        Instant now = clock.now();
        JsonNode logging = input.hasNonNull("loggingConfiguration") ? input.get("loggingConfiguration") : defaultLogging();
        JsonNode tracing = input.hasNonNull("tracingConfiguration") ? input.get("tracingConfiguration") : defaultTracing();
        synchronized (this) {
            StateMachineRecord existing = find(arn);
            if (existing != null) {
                if (existing.definition().equals(definition) && existing.roleArn().equals(roleArn)
                        && existing.type().equals(type)) {
                    return created(existing);
                }
                throw new AwsServiceException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
            }
            String revision = UUID.randomUUID().toString();
            StateMachineRecord machine = new StateMachineRecord(arn, store.nextSequence("stateMachine"), name, type,
                    definition, roleArn, revision, now, now,
                    logging, tracing, null);
            store.putRevision(arn, revision, definition);
            machines.put(machine);
            definitions.put(arn, revision, compiled);
            store.awaitDurable();
            return created(machine);
        }
    }

    private static JsonNode created(StateMachineRecord machine) {
        ObjectNode out = Json.object();
        out.put("stateMachineArn", machine.arn());
        out.put("creationDate", Requests.timestamp(machine.creationDate()));
        return out;
    }

    JsonNode update(ObjectNode input) {
        String arn = arns.stateMachineArn(Requests.required(input, "stateMachineArn"));
        String definition = Requests.optional(input, "definition");
        String roleArn = Requests.optional(input, "roleArn");
        JsonNode logging = input.get("loggingConfiguration");
        JsonNode tracing = input.get("tracingConfiguration");
        if (definition == null && roleArn == null && logging == null && tracing == null) {
            throw new AwsServiceException("MissingRequiredParameter", "Either the definition, the role ARN, the "
                    + "LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        if (Requests.bool(input, "publish", false)) {
            throw new AwsServiceException("ValidationException", "not supported: publishing state machine versions "
                    + "(publish=true)");
        }
        if (roleArn != null) {
            Arns.role(roleArn);
        }
        StateMachineDefinition compiled = definition == null ? null : compile(definition);
        Instant now = clock.now();
        synchronized (this) {
            StateMachineRecord current = existing(arn);
            String revision = definition == null ? current.revisionId() : UUID.randomUUID().toString();
            StateMachineRecord updated = new StateMachineRecord(arn, current.seq(), current.name(), current.type(),
                    definition == null ? current.definition() : definition, roleArn == null ? current.roleArn() : roleArn,
                    revision, current.creationDate(), now, logging == null ? current.loggingConfiguration() : logging,
                    tracing == null ? current.tracingConfiguration() : tracing, current.description());
            if (definition != null) {
                store.putRevision(arn, revision, definition);
                definitions.put(arn, revision, compiled);
            }
            machines.put(updated);
            store.awaitDurable();
            ObjectNode out = Json.object();
            out.put("updateDate", Requests.timestamp(now));
            out.put("revisionId", revision);
            return out;
        }
    }

    JsonNode describe(ObjectNode input) {
        String arn = arns.stateMachineArn(Requests.required(input, "stateMachineArn"));
        return describe(existing(arn));
    }

    static ObjectNode describe(StateMachineRecord machine) {
        ObjectNode out = Json.object();
        out.put("stateMachineArn", machine.arn());
        out.put("name", machine.name());
        out.put("status", "ACTIVE");
        out.put("definition", machine.definition());
        out.put("roleArn", machine.roleArn());
        out.put("type", machine.type());
        out.put("creationDate", Requests.timestamp(machine.creationDate()));
        out.set("loggingConfiguration", machine.loggingConfiguration());
        out.set("tracingConfiguration", machine.tracingConfiguration());
        out.put("revisionId", machine.revisionId());
        return out;
    }

    JsonNode list(ObjectNode input) {
        int max = Requests.maxResults(input, 100);
        String after = Requests.position(Requests.optional(input, "nextToken"));
        List<byte[]> page = store.stateMachines(after, max + 1);
        ArrayNode machines = Json.array();
        String last = null;
        for (int i = 0; i < Math.min(max, page.size()); i++) {
            StateMachineRecord machine = StateMachineRecord.fromJson(Json.parse(page.get(i)));
            ObjectNode item = machines.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", machine.type());
            item.put("creationDate", Requests.timestamp(machine.creationDate()));
            last = machine.arn();
        }
        ObjectNode out = Json.object();
        out.set("stateMachines", machines);
        if (page.size() > max) {
            out.put("nextToken", Requests.token(last));
        }
        return out;
    }

    JsonNode delete(ObjectNode input) {
        String arn = arns.stateMachineArn(Requests.required(input, "stateMachineArn"));
        machines.delete(arn);
        store.awaitDurable();
        return Json.object();
    }

    JsonNode validate(ObjectNode input) {
        String definition = Requests.required(input, "definition");
        String severity = input.hasNonNull("severity") ? Requests.required(input, "severity") : "ERROR";
        int max = Requests.maxResults(input, 100);
        Diagnostics diagnostics = new Diagnostics();
        StateMachineDefinition.compile(definition, diagnostics);
        ArrayNode list = Json.array();
        int total = 0;
        for (Diagnostics.Diagnostic diagnostic : diagnostics.all()) {
            if (severity.equals("ERROR") && !diagnostic.severity().equals("ERROR")) {
                continue;
            }
            total++;
            if (list.size() < max) {
                ObjectNode item = list.addObject();
                item.put("severity", diagnostic.severity());
                item.put("code", diagnostic.code());
                item.put("message", diagnostic.message());
                item.put("location", diagnostic.location());
            }
        }
        ObjectNode out = Json.object();
        out.put("result", diagnostics.hasErrors() ? "FAIL" : "OK");
        out.set("diagnostics", list);
        out.put("truncated", total > list.size());
        return out;
    }

    static StateMachineDefinition compile(String definition) {
        Diagnostics diagnostics = new Diagnostics();
        StateMachineDefinition compiled = StateMachineDefinition.compile(definition, diagnostics);
        if (compiled == null) {
            throw new AwsServiceException("InvalidDefinition", diagnostics.invalidDefinitionMessage());
        }
        return compiled;
    }

    private static JsonNode defaultLogging() {
        ObjectNode logging = Json.object();
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        return logging;
    }

    private static JsonNode defaultTracing() {
        ObjectNode tracing = Json.object();
        tracing.put("enabled", false);
        return tracing;
    }
}
