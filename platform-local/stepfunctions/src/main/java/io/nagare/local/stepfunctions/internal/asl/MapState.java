package io.nagare.local.stepfunctions.internal.asl;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * {@code Map}: runs its item processor once per item, at most MaxConcurrency at a time; its result is the
 * iterations' outputs in item order. Distributed mode runs the same way, without the enclosing variables.
 */
final class MapState extends State {

    /** Where the items come from: InputPath + ItemsPath (JSONPath) or Items (JSONata). */
    interface Items {
        JsonNode items(JsonNode rawInput, StateRun run);
    }

    /** What one iteration receives: ItemSelector (or legacy Parameters) applied to the item, or the item itself. */
    interface ItemSelector {
        JsonNode select(JsonNode rawInput, StateRun run);
    }

    /** A numeric setting: MaxConcurrency, ToleratedFailureCount, ToleratedFailurePercentage or their Path forms. */
    interface Setting {
        JsonNode value(JsonNode rawInput, StateRun run);

        /** The reference path of a {@code *Path} setting, for messages; null otherwise. */
        default String path() {
            return null;
        }
    }

    /** What the parser found that this engine does not run (ItemReader, ItemBatcher, ResultWriter), or null. */
    private final String unsupported;
    private final Items items;
    private final ItemSelector itemSelector;
    private final Branch processor;
    private final boolean distributed;
    private final Setting maxConcurrency;
    private final Setting toleratedCount;
    private final String toleratedCountField;
    private final Setting toleratedPercentage;
    private final String toleratedPercentageField;
    private final DataFlow flow;
    private final List<Retrier> retriers;
    private final List<Catcher> catchers;

    MapState(String name, String next, String unsupported, Items items, ItemSelector itemSelector, Branch processor,
             boolean distributed, Setting maxConcurrency, Setting toleratedCount, String toleratedCountField,
             Setting toleratedPercentage, String toleratedPercentageField, DataFlow flow, List<Retrier> retriers,
             List<Catcher> catchers) {
        super(name, next);
        this.unsupported = unsupported;
        this.items = items;
        this.itemSelector = itemSelector;
        this.processor = processor;
        this.distributed = distributed;
        this.maxConcurrency = maxConcurrency;
        this.toleratedCount = toleratedCount;
        this.toleratedCountField = toleratedCountField;
        this.toleratedPercentage = toleratedPercentage;
        this.toleratedPercentageField = toleratedPercentageField;
        this.flow = flow;
        this.retriers = List.copyOf(retriers);
        this.catchers = List.copyOf(catchers);
    }

    @Override
    public String eventPrefix() {
        return "Map";
    }

    @Override
    public List<Retrier> retriers() {
        return retriers;
    }

    @Override
    public List<Catcher> catchers() {
        return catchers;
    }

    @Override
    public Branch childBranch(int index) {
        return processor;
    }

    @Override
    public Outcome run(StateRun run) {
        if (unsupported != null) {
            throw StatesError.runtime("not supported: " + unsupported);
        }
        JsonNode raw = run.rawInput();
        int concurrency = maxConcurrency == null ? 0 : nonNegative("MaxConcurrency", maxConcurrency, raw, run);
        JsonNode list = items.items(raw, run);
        ObjectNode started = Json.object();
        started.put("length", list.size());
        run.record("MapStateStarted", "mapStateStartedEventDetails", started);
        ObjectNode data = run.stateData();
        data.put("tolerated", toleratedCount == null ? -1
                : nonNegative(toleratedCountField, toleratedCount, raw, run));
        data.put("toleratedPercentage", toleratedPercentage == null ? -1 : percentage(toleratedPercentage, raw, run));
        data.set("items", list);
        data.put("total", list.size());
        data.put("concurrency", concurrency);
        data.put("next", 0);
        data.put("running", 0);
        data.put("succeeded", 0);
        data.put("failed", 0);
        if (list.isEmpty()) {
            return succeed(run);
        }
        startIterations(run);
        return Outcome.SUSPENDED;
    }

    @Override
    public Outcome resume(StateRun run, Signal signal) {
        ObjectNode data = run.stateData();
        data.put("running", data.get("running").intValue() - 1);
        ObjectNode iteration = Json.object();
        iteration.put("name", name());
        iteration.put("index", signal.child());
        if (signal.kind() == Signal.Kind.CHILD_FAILED) {
            run.record("MapIterationFailed", "mapIterationFailedEventDetails", iteration);
            int failed = data.get("failed").intValue() + 1;
            data.put("failed", failed);
            if (exceedsTolerance(data, failed)) {
                run.abortChildren();
                run.record("MapStateFailed", null, null);
                if (data.get("tolerated").intValue() >= 0 || data.get("toleratedPercentage").doubleValue() >= 0) {
                    throw new StatesError(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded");
                }
                throw signal.failure();
            }
        } else {
            run.record("MapIterationSucceeded", "mapIterationSucceededEventDetails", iteration);
            data.put("succeeded", data.get("succeeded").intValue() + 1);
        }
        if (data.get("succeeded").intValue() + data.get("failed").intValue() == data.get("total").intValue()) {
            return succeed(run);
        }
        startIterations(run);
        return Outcome.SUSPENDED;
    }

    private void startIterations(StateRun run) {
        ObjectNode data = run.stateData();
        JsonNode list = data.get("items");
        int total = data.get("total").intValue();
        int concurrency = data.get("concurrency").intValue();
        JsonNode raw = run.rawInput();
        while (data.get("next").intValue() < total
                && (concurrency == 0 || data.get("running").intValue() < concurrency)) {
            int index = data.get("next").intValue();
            data.put("next", index + 1);
            data.put("running", data.get("running").intValue() + 1);
            ObjectNode item = Json.object();
            item.put("Index", index);
            item.set("Value", list.get(index));
            run.mapItem(item);
            JsonNode input = itemSelector == null ? list.get(index) : itemSelector.select(raw, run);
            run.mapItem(null);
            ObjectNode iteration = Json.object();
            iteration.put("name", name());
            iteration.put("index", index);
            run.record("MapIterationStarted", "mapIterationStartedEventDetails", iteration);
            run.startChild(index, processor, input, distributed);
        }
    }

    private Outcome succeed(StateRun run) {
        ObjectNode data = run.stateData();
        int total = data.get("total").intValue();
        ArrayNode result = Json.array();
        for (int i = 0; i < total; i++) {
            result.add(run.childOutput(i));
        }
        data.remove("items");
        run.record("MapStateSucceeded", null, null);
        JsonNode raw = run.rawInput();
        return new Outcome.Done(flow.output(raw, result, run), next(), flow.assignments(raw, result, run));
    }

    private static boolean exceedsTolerance(ObjectNode data, int failed) {
        int tolerated = data.get("tolerated").intValue();
        double percentage = data.get("toleratedPercentage").doubleValue();
        if (tolerated < 0 && percentage < 0) {
            return true;
        }
        boolean overCount = tolerated >= 0 && failed > tolerated;
        boolean overPercentage = percentage >= 0
                && failed * 100.0 / data.get("total").intValue() > percentage;
        if (tolerated >= 0 && percentage >= 0) {
            return overCount && overPercentage;
        }
        return tolerated >= 0 ? overCount : overPercentage;
    }

    private static int nonNegative(String field, Setting setting, JsonNode raw, StateRun run) {
        JsonNode value = setting.value(raw, run);
        if (value == null) {
            throw StatesError.runtime("Invalid path '" + setting.path() + "' : No results for path: $['"
                    + setting.path().substring(2) + "']");
        }
        Integer number = Json.intValue(value);
        if (number == null) {
            throw StatesError.runtime("The " + field + " field refers to value \""
                    + (value.isTextual() ? value.textValue() : Json.write(value)) + "\" which is not a valid integer"
                    + pathSuffix(setting));
        }
        if (number < 0) {
            throw StatesError.runtime(field.replace("Path", "") + " cannot be negative.");
        }
        return number;
    }

    private double percentage(Setting setting, JsonNode raw, StateRun run) {
        JsonNode value = setting.value(raw, run);
        if (value == null || !value.isNumber()) {
            throw StatesError.runtime("The " + toleratedPercentageField + " field refers to value \""
                    + (value == null ? "null" : value.isTextual() ? value.textValue() : Json.write(value))
                    + "\" which is not a valid number" + pathSuffix(setting));
        }
        BigDecimal percentage = value.decimalValue();
        if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw StatesError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
        }
        return percentage.doubleValue();
    }

    private static String pathSuffix(Setting setting) {
        return setting.path() == null ? "" : ": " + setting.path();
    }
}
