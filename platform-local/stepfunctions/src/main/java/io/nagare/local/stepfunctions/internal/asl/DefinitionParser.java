package io.nagare.local.stepfunctions.internal.asl;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * Turns ASL JSON into the tree of states, checking it as AWS does: required and unknown fields, transitions to
 * missing states, unreachable states, duplicate names, fields of the wrong query language.
 */
final class DefinitionParser {

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> JSONPATH_IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
            "ResultPath", "ItemsPath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath",
            "ErrorPath", "CausePath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath", "Iterator");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private final Diagnostics errors;
    private final DataFlowParser flows;
    private final ErrorHandlingParser errorHandling;
    private final ChoiceRuleParser choiceRules;
    private final Set<String> allStateNames = new HashSet<>();

    DefinitionParser(Diagnostics errors) {
        this.errors = errors;
        this.flows = new DataFlowParser(errors);
        this.errorHandling = new ErrorHandlingParser(errors, flows);
        this.choiceRules = new ChoiceRuleParser(errors, flows);
    }

    StateMachineDefinition parse(JsonNode json) {
        if (!json.isObject()) {
            errors.schema("", "The definition must be a JSON object");
            return null;
        }
        Fields top = new Fields(json, "", errors);
        top.rejectUnknown(Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage"),
                "the state machine");
        String version = top.string("Version", false);
        if (version != null && !version.equals("1.0")) {
            errors.schema(top.pointer("Version"), "The value of the field \"Version\" must be \"1.0\"");
        }
        top.string("Comment", false);
        boolean jsonata = queryLanguage(top, false);
        Integer timeout = top.integer("TimeoutSeconds", 1, 99_999_999);
        Branch root = branch(top, jsonata);
        return new StateMachineDefinition(root, timeout, json);
    }

    /** Reads {@code QueryLanguage}; a JSONata machine cannot hold JSONPath states. */
    private boolean queryLanguage(Fields fields, boolean inherited) {
        String language = fields.string("QueryLanguage", false);
        if (language == null) {
            return inherited;
        }
        if (!language.equals("JSONPath") && !language.equals("JSONata")) {
            errors.schema(fields.pointer("QueryLanguage"), "The value of the field \"QueryLanguage\" must be one of "
                    + "[JSONPath, JSONata], got \"" + language + "\"");
            return inherited;
        }
        if (inherited && language.equals("JSONPath")) {
            errors.schema(fields.pointer("QueryLanguage"), "A state cannot use JSONPath when the state machine "
                    + "uses JSONata");
        }
        return language.equals("JSONata");
    }

    private Branch branch(Fields fields, boolean jsonata) {
        String startAt = fields.string("StartAt", true);
        JsonNode statesNode = fields.raw("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (statesNode == null || !statesNode.isObject()) {
            errors.schema(fields.pointer(), "The field \"States\" must be a non-empty OBJECT");
            return new Branch(startAt, states);
        }
        Map<String, List<String>> transitions = new LinkedHashMap<>();
        boolean terminal = false;
        for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
            String name = entry.getKey();
            String pointer = fields.pointer("States") + "/" + Fields.escape(name);
            if (name.isEmpty() || name.length() > 80) {
                errors.error("INVALID_STATE_NAME", pointer, "State names must be 1 to 80 characters long");
            }
            if (!allStateNames.add(name)) {
                errors.error("DUPLICATE_STATE_NAME", pointer, "Duplicate State name: " + name);
            }
            if (!entry.getValue().isObject()) {
                errors.schema(pointer, "A state must be a JSON object");
                continue;
            }
            List<String> targets = new ArrayList<>();
            State state = state(name, new Fields(entry.getValue(), pointer, errors), jsonata, targets);
            if (state != null) {
                states.put(name, state);
                terminal |= state.next() == null && !(state instanceof ChoiceState);
            }
            transitions.put(name, targets);
        }
        if (statesNode.isEmpty()) {
            errors.schema(fields.pointer("States"), "The field \"States\" must be a non-empty OBJECT");
        }
        if (startAt != null && !transitions.isEmpty() && !transitions.containsKey(startAt)) {
            errors.error("MISSING_TRANSITION_TARGET", fields.pointer("StartAt"), "Missing 'StartAt' target: " + startAt);
        }
        for (Map.Entry<String, List<String>> entry : transitions.entrySet()) {
            for (String target : entry.getValue()) {
                if (!transitions.containsKey(target)) {
                    errors.error("MISSING_TRANSITION_TARGET", fields.pointer("States") + "/" + Fields.escape(entry.getKey()),
                            "Missing 'Next' target: " + target);
                }
            }
        }
        if (!transitions.isEmpty() && !terminal && !errors.hasErrors()) {
            errors.error("MISSING_END_STATE", fields.pointer("States"), "Workflow has no terminal state");
        }
        if (startAt != null && transitions.containsKey(startAt)) {
            reportUnreachable(startAt, transitions, fields.pointer("States"));
        }
        return new Branch(startAt, states);
    }

    private void reportUnreachable(String startAt, Map<String, List<String>> transitions, String pointer) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(startAt));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name) && transitions.containsKey(name)) {
                pending.addAll(transitions.get(name));
            }
        }
        for (String name : transitions.keySet()) {
            if (!reached.contains(name)) {
                errors.error("UNREACHABLE_STATE", pointer + "/" + Fields.escape(name), "State \"" + name + "\" is not reachable");
            }
        }
    }

    private State state(String name, Fields f, boolean inheritedJsonata, List<String> targets) {
        String type = f.string("Type", true);
        if (type == null) {
            return null;
        }
        boolean jsonata = queryLanguage(f, inheritedJsonata);
        checkLanguageFields(f, jsonata);
        return switch (type) {
            case "Pass" -> pass(name, f, jsonata, targets);
            case "Task" -> task(name, f, jsonata, targets);
            case "Choice" -> choice(name, f, jsonata, targets);
            case "Wait" -> waitState(name, f, jsonata, targets);
            case "Succeed" -> succeed(name, f, jsonata);
            case "Fail" -> fail(name, f, jsonata);
            case "Parallel" -> parallel(name, f, jsonata, targets);
            case "Map" -> map(name, f, jsonata, targets);
            default -> {
                errors.schema(f.pointer("Type"), "The value of the field \"Type\" must be one of [Pass, Task, Choice,"
                        + " Wait, Succeed, Fail, Parallel, Map], got \"" + type + "\"");
                yield null;
            }
        };
    }

    private void checkLanguageFields(Fields f, boolean jsonata) {
        for (String field : jsonata ? JSONPATH_ONLY : JSONATA_ONLY) {
            if (f.has(field)) {
                errors.schema(f.pointer(field), "The field \"" + field + "\" is not supported with QueryLanguage "
                        + (jsonata ? "JSONata" : "JSONPath") + (jsonata ? "; use Arguments, Output and Items" : ""));
            }
        }
    }

    private String next(Fields f, List<String> targets) {
        String next = f.string("Next", false);
        Boolean end = f.bool("End");
        boolean ends = Boolean.TRUE.equals(end);
        if (next != null && ends) {
            errors.schema(f.pointer(), "The fields \"Next\" and \"End\" cannot both be set");
        } else if (next == null && !ends) {
            errors.schema(f.pointer(), "The state must have a \"Next\" field or \"End\": true");
        }
        if (next != null) {
            targets.add(next);
        }
        return next;
    }

    private static Set<String> allowed(boolean jsonata, Set<String> jsonPathFields, Set<String> jsonataFields,
                                       Set<String> both) {
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(both);
        allowed.addAll(jsonata ? jsonataFields : jsonPathFields);
        allowed.addAll(jsonata ? JSONPATH_ONLY : JSONATA_ONLY);
        return allowed;
    }

    // ---- states -----------------------------------------------------------------------------------------------

    private State pass(String name, Fields f, boolean jsonata, List<String> targets) {
        f.rejectUnknown(allowed(jsonata, Set.of("InputPath", "OutputPath", "Parameters", "Result", "ResultPath"),
                Set.of("Output"), union(FLOW, Set.of("Assign"))), "state type \"Pass\"");
        String next = next(f, targets);
        JsonNode result = f.raw("Result");
        if (jsonata) {
            if (result != null) {
                errors.schema(f.pointer("Result"), "The field \"Result\" is not supported with QueryLanguage JSONata;"
                        + " use Output");
            }
            return new PassState(name, next, flows.jsonataFlow(f, null), null);
        }
        return new PassState(name, next, flows.jsonPathFlow(f, true, false, true), result);
    }

    private State task(String name, Fields f, boolean jsonata, List<String> targets) {
        f.rejectUnknown(allowed(jsonata, Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
                        "ResultPath", "TimeoutSecondsPath", "HeartbeatSecondsPath"), Set.of("Arguments", "Output"),
                union(FLOW, Set.of("Resource", "Retry", "Catch", "TimeoutSeconds", "HeartbeatSeconds", "Credentials",
                        "Assign"))), "state type \"Task\"");
        String next = next(f, targets);
        String resourceText = f.string("Resource", true);
        TaskResource resource = null;
        if (resourceText != null) {
            try {
                resource = TaskResource.parse(resourceText);
            } catch (IllegalArgumentException e) {
                errors.error("INVALID_RESOURCE", f.pointer("Resource"), "The resource provided " + resourceText
                        + " is not recognized. The value is not a valid resource ARN, or the resource is not available"
                        + " in this region.");
            }
        }
        TimeLimit timeout = timeLimit(f, "TimeoutSeconds", jsonata);
        TimeLimit heartbeat = timeLimit(f, "HeartbeatSeconds", jsonata);
        JsonNode timeoutValue = f.raw("TimeoutSeconds");
        JsonNode heartbeatValue = f.raw("HeartbeatSeconds");
        if (timeoutValue != null && heartbeatValue != null && timeoutValue.isNumber() && heartbeatValue.isNumber()
                && heartbeatValue.decimalValue().compareTo(timeoutValue.decimalValue()) >= 0) {
            errors.schema(f.pointer("HeartbeatSeconds"), "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        DataFlow flow = jsonata ? flows.jsonataFlow(f, "Arguments") : flows.jsonPathFlow(f, true, true, true);
        return new TaskState(name, next, resource, flow, timeout, heartbeat, errorHandling.retriers(f), errorHandling.catchers(f, jsonata, targets));
    }

    private TimeLimit timeLimit(Fields f, String field, boolean jsonata) {
        JsonNode value = f.raw(field);
        String pathField = field + "Path";
        if (value != null && f.has(pathField)) {
            errors.schema(f.pointer(), "The fields \"" + field + "\" and \"" + pathField + "\" cannot both be set");
        }
        if (value != null) {
            if (jsonata && JsonataExpression.isExpression(value)) {
                return TimeLimit.jsonata(field, JsonataTemplate.compile(value, field, f.pointer(field), errors));
            }
            Integer seconds = f.integer(field, 1, 99_999_999);
            return seconds == null ? null : TimeLimit.constant(seconds);
        }
        if (f.has(pathField)) {
            Path path = flows.path(f, pathField, true);
            return path == null ? null : TimeLimit.path(pathField, path);
        }
        return null;
    }

    private State choice(String name, Fields f, boolean jsonata, List<String> targets) {
        f.rejectUnknown(allowed(jsonata, JSONPATH_IO, Set.of("Output"), Set.of("Choices", "Default", "Assign")),
                "state type \"Choice\"");
        if (f.has("Next") || f.has("End")) {
            errors.schema(f.pointer(), "Choice states don't support the fields \"Next\" and \"End\"");
        }
        String defaultState = f.string("Default", false);
        if (defaultState != null) {
            targets.add(defaultState);
        }
        JsonNode choicesNode = f.raw("Choices");
        List<ChoiceState.Branch> choices = new ArrayList<>();
        if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
            errors.schema(f.pointer("Choices"), "The field \"Choices\" must be a non-empty ARRAY");
        } else {
            for (int i = 0; i < choicesNode.size(); i++) {
                Fields rule = new Fields(choicesNode.get(i), f.pointer("Choices") + "/" + i, errors);
                if (!choicesNode.get(i).isObject()) {
                    errors.schema(rule.pointer(), "A choice rule must be an OBJECT");
                    continue;
                }
                String next = rule.string("Next", true);
                if (next != null) {
                    targets.add(next);
                }
                ChoiceRule test = jsonata ? choiceRules.condition(rule) : choiceRules.comparison(rule, true);
                DataFlow ruleFlow = jsonata ? flows.jsonataFlow(rule, null) : flows.jsonPathAssignOnly(rule);
                if (test != null) {
                    choices.add(new ChoiceState.Branch(test, next, ruleFlow));
                }
            }
        }
        if (jsonata) {
            return new ChoiceState(name, choices, defaultState, null, flows.jsonataFlow(f, null));
        }
        JsonPathFlow flow = flows.jsonPathFlow(f, false, false, false);
        return new ChoiceState(name, choices, defaultState, flow, flow);
    }

    private State waitState(String name, Fields f, boolean jsonata, List<String> targets) {
        f.rejectUnknown(allowed(jsonata, Set.of("InputPath", "OutputPath", "SecondsPath", "TimestampPath"),
                Set.of("Output"), union(FLOW, Set.of("Seconds", "Timestamp", "Assign"))), "state type \"Wait\"");
        String next = next(f, targets);
        List<String> given = new ArrayList<>();
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            if (f.has(field)) {
                given.add(field);
            }
        }
        WaitState.Until until = null;
        if (given.size() != 1) {
            errors.schema(f.pointer(), "A Wait state must have exactly one of Seconds, SecondsPath, Timestamp and "
                    + "TimestampPath, got " + (given.isEmpty() ? "none" : given));
        } else {
            String field = given.get(0);
            JsonNode value = f.raw(field);
            if (jsonata && JsonataExpression.isExpression(value)) {
                JsonataTemplate template = JsonataTemplate.compile(value, field, f.pointer(field), errors);
                until = field.equals("Seconds") ? WaitState.jsonataSeconds(template) : WaitState.jsonataTimestamp(template);
            } else if (field.equals("Seconds")) {
                Integer seconds = f.integer("Seconds", 0, 99_999_999);
                until = seconds == null ? null : WaitState.seconds(seconds);
            } else if (field.equals("Timestamp")) {
                String text = f.string("Timestamp", true);
                java.time.OffsetDateTime time = text == null ? null : Comparison.timestamp(text);
                if (text != null && time == null) {
                    errors.schema(f.pointer("Timestamp"), "The value of the field \"Timestamp\" must be an ISO-8601 "
                            + "timestamp such as 2016-03-14T01:59:00Z");
                }
                until = time == null ? null : WaitState.timestamp(Instant.from(time));
            } else {
                Path path = flows.path(f, field, true);
                if (path != null) {
                    until = field.equals("SecondsPath") ? WaitState.secondsPath(path) : WaitState.timestampPath(path);
                }
            }
        }
        if (jsonata) {
            return new WaitState(name, next, until, null, flows.jsonataFlow(f, null));
        }
        JsonPathFlow flow = flows.jsonPathFlow(f, false, false, false);
        return new WaitState(name, next, until, flow, flow);
    }

    private State succeed(String name, Fields f, boolean jsonata) {
        f.rejectUnknown(allowed(jsonata, JSONPATH_IO, Set.of("Output"), Set.of()), "state type \"Succeed\"");
        if (jsonata) {
            return new SucceedState(name, null, flows.jsonataFlow(f, null));
        }
        return new SucceedState(name, flows.jsonPathFlow(f, false, false, false), null);
    }

    private State fail(String name, Fields f, boolean jsonata) {
        f.rejectUnknown(allowed(jsonata, Set.of("ErrorPath", "CausePath"), Set.of(), Set.of("Error", "Cause")),
                "state type \"Fail\"");
        return new FailState(name, failText(f, "Error", jsonata), failText(f, "Cause", jsonata));
    }

    private FailState.Text failText(Fields f, String field, boolean jsonata) {
        String pathField = field + "Path";
        if (f.has(field) && f.has(pathField)) {
            errors.schema(f.pointer(), "The fields \"" + field + "\" and \"" + pathField + "\" cannot both be set");
        }
        if (f.has(field)) {
            JsonNode value = f.raw(field);
            if (jsonata && JsonataExpression.isExpression(value)) {
                return FailState.jsonata(field, JsonataTemplate.compile(value, field, f.pointer(field), errors));
            }
            String text = f.string(field, false);
            return text == null ? null : FailState.constant(text);
        }
        if (f.has(pathField)) {
            String text = f.string(pathField, true);
            if (text == null) {
                return null;
            }
            try {
                if (IntrinsicFunction.looksLikeCall(text)) {
                    return FailState.function(pathField, IntrinsicFunction.parse(text));
                }
                return FailState.path(pathField, Path.compile(text));
            } catch (IllegalArgumentException e) {
                errors.schema(f.pointer(pathField), "The value of the field \"" + pathField + "\" must be a valid "
                        + "JSONPath or intrinsic function: " + e.getMessage());
            }
        }
        return null;
    }

    private State parallel(String name, Fields f, boolean jsonata, List<String> targets) {
        f.rejectUnknown(allowed(jsonata, Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
                "ResultPath"), Set.of("Arguments", "Output"), union(FLOW, Set.of("Branches", "Retry", "Catch", "Assign"))),
                "state type \"Parallel\"");
        String next = next(f, targets);
        JsonNode branchesNode = f.raw("Branches");
        List<Branch> branches = new ArrayList<>();
        if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
            errors.schema(f.pointer("Branches"), "The field \"Branches\" must be a non-empty ARRAY");
        } else {
            for (int i = 0; i < branchesNode.size(); i++) {
                Fields branch = new Fields(branchesNode.get(i), f.pointer("Branches") + "/" + i, errors);
                branch.rejectUnknown(Set.of("StartAt", "States", "Comment", "QueryLanguage"), "a branch");
                branches.add(branch(branch, queryLanguage(branch, jsonata)));
            }
        }
        DataFlow flow = jsonata ? flows.jsonataFlow(f, "Arguments") : flows.jsonPathFlow(f, true, true, true);
        return new ParallelState(name, next, branches, flow, errorHandling.retriers(f), errorHandling.catchers(f, jsonata, targets));
    }

    private State map(String name, Fields f, boolean jsonata, List<String> targets) {
        f.rejectUnknown(allowed(jsonata, Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
                        "ResultPath", "ItemsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
                        "ToleratedFailurePercentagePath", "Iterator"), Set.of("Items", "Output"),
                union(FLOW, Set.of("ItemProcessor", "ItemSelector", "MaxConcurrency", "ToleratedFailureCount",
                        "ToleratedFailurePercentage", "ItemReader", "ItemBatcher", "ResultWriter", "Label", "Retry",
                        "Catch", "Assign"))), "state type \"Map\"");
        String next = next(f, targets);
        String processorField = f.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (f.has("ItemProcessor") && f.has("Iterator")) {
            errors.schema(f.pointer(), "The fields \"ItemProcessor\" and \"Iterator\" cannot both be set");
        }
        JsonNode processorNode = f.raw(processorField);
        Branch processor = null;
        boolean distributed = false;
        if (processorNode == null || !processorNode.isObject()) {
            errors.schema(f.pointer(), "A Map state must have an \"ItemProcessor\" object");
        } else {
            Fields pf = new Fields(processorNode, f.pointer(processorField), errors);
            pf.rejectUnknown(Set.of("StartAt", "States", "Comment", "QueryLanguage", "ProcessorConfig"), "an item processor");
            JsonNode config = pf.raw("ProcessorConfig");
            if (config != null) {
                Fields cf = new Fields(config, pf.pointer("ProcessorConfig"), errors);
                cf.rejectUnknown(Set.of("Mode", "ExecutionType"), "ProcessorConfig");
                String mode = cf.string("Mode", false);
                if (mode != null && !mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
                    errors.schema(cf.pointer("Mode"), "The value of \"Mode\" must be INLINE or DISTRIBUTED");
                }
                distributed = "DISTRIBUTED".equals(mode);
            }
            processor = branch(pf, queryLanguage(pf, jsonata));
        }
        String unsupported = null;
        for (String field : List.of("ItemReader", "ItemBatcher", "ResultWriter")) {
            if (f.has(field) && unsupported == null) {
                unsupported = "Map " + field + " (Distributed Map reading or writing S3); pass the items inline";
            }
        }
        f.string("Label", false);

        MapState.Items items;
        MapState.ItemSelector selector;
        DataFlow flow;
        if (jsonata) {
            JsonNode itemsValue = f.raw("Items");
            JsonataTemplate itemsTemplate = itemsValue == null ? null
                    : JsonataTemplate.compile(itemsValue, "Items", f.pointer("Items"), errors);
            items = (raw, run) -> {
                JsonNode list = itemsTemplate == null ? raw : itemsTemplate.evaluate(run);
                if (!list.isArray()) {
                    throw StatesError.queryEvaluation("Map state input must be an array but was: " + Json.write(list),
                            "Items");
                }
                return list;
            };
            JsonNode selectorValue = f.raw("ItemSelector");
            JsonataTemplate selectorTemplate = selectorValue == null ? null
                    : JsonataTemplate.compile(selectorValue, "ItemSelector", f.pointer("ItemSelector"), errors);
            selector = selectorTemplate == null ? null : (raw, run) -> selectorTemplate.evaluate(run);
            flow = flows.jsonataFlow(f, null);
        } else {
            JsonPathFlow jsonPath = flows.jsonPathFlow(f, false, true, true);
            Path itemsPath = f.has("ItemsPath") ? flows.path(f, "ItemsPath", false) : null;
            items = (raw, run) -> {
                JsonNode input = jsonPath.selectInput(raw, run);
                JsonNode list = itemsPath == null ? input : itemsPath.read(input, run);
                if (list == null) {
                    throw StatesError.runtime("Invalid path '" + itemsPath.text() + "' : No results for path: $['"
                            + itemsPath.text().substring(2) + "']");
                }
                if (!list.isArray()) {
                    throw StatesError.runtime("Map state input must be an array but was: " + Json.write(list));
                }
                return list;
            };
            String selectorField = f.has("ItemSelector") ? "ItemSelector" : "Parameters";
            if (f.has("ItemSelector") && f.has("Parameters")) {
                errors.schema(f.pointer(), "The fields \"ItemSelector\" and \"Parameters\" cannot both be set");
            }
            JsonNode selectorValue = f.raw(selectorField);
            PayloadTemplate template = selectorValue == null ? null
                    : PayloadTemplate.compile(selectorValue, f.pointer(selectorField), errors);
            selector = template == null ? null
                    : (raw, run) -> template.evaluate(jsonPath.selectInput(raw, run), run);
            flow = jsonPath;
        }
        MapState.Setting concurrency = setting(f, "MaxConcurrency", jsonata);
        MapState.Setting toleratedCount = setting(f, "ToleratedFailureCount", jsonata);
        MapState.Setting toleratedPercentage = setting(f, "ToleratedFailurePercentage", jsonata);
        return new MapState(name, next, unsupported, items, selector, processor, distributed, concurrency,
                toleratedCount, f.has("ToleratedFailureCountPath") ? "ToleratedFailureCountPath" : "ToleratedFailureCount",
                toleratedPercentage, f.has("ToleratedFailurePercentagePath") ? "ToleratedFailurePercentagePath"
                : "ToleratedFailurePercentage", flow, errorHandling.retriers(f), errorHandling.catchers(f, jsonata, targets));
    }

    private MapState.Setting setting(Fields f, String field, boolean jsonata) {
        String pathField = field + "Path";
        if (f.has(field) && f.has(pathField)) {
            errors.schema(f.pointer(), "The fields \"" + field + "\" and \"" + pathField + "\" cannot both be set");
        }
        JsonNode value = f.raw(field);
        if (value != null) {
            if (jsonata && JsonataExpression.isExpression(value)) {
                JsonataTemplate template = JsonataTemplate.compile(value, field, f.pointer(field), errors);
                return (raw, run) -> template.evaluate(run);
            }
            if (!value.isNumber() || value.decimalValue().signum() < 0) {
                errors.schema(f.pointer(field), "The value of the field \"" + field + "\" must be a non-negative number");
                return null;
            }
            return (raw, run) -> value;
        }
        if (f.has(pathField)) {
            Path path = flows.path(f, pathField, true);
            if (path == null) {
                return null;
            }
            return new MapState.Setting() {
                @Override
                public JsonNode value(JsonNode raw, StateRun run) {
                    return path.read(raw, run);
                }

                @Override
                public String path() {
                    return path.text();
                }
            };
        }
        return null;
    }

    // ---- shared pieces ----------------------------------------------------------------------------------------

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

}
