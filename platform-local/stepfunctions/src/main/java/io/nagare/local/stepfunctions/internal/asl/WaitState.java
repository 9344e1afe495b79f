package io.nagare.local.stepfunctions.internal.asl;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** {@code Wait}: waits for a number of seconds or until a timestamp, on the runtime's clock. */
final class WaitState extends State {

    /** Where the wait comes from: Seconds, SecondsPath, Timestamp or TimestampPath, or their JSONata forms. */
    interface Until {
        Instant due(JsonNode input, StateRun run);
    }

    private final Until until;
    private final JsonPathFlow jsonPath;
    private final DataFlow flow;

    WaitState(String name, String next, Until until, JsonPathFlow jsonPath, DataFlow flow) {
        super(name, next);
        this.until = until;
        this.jsonPath = jsonPath;
        this.flow = flow;
    }

    @Override
    public String eventPrefix() {
        return "Wait";
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode raw = run.rawInput();
        JsonNode input = jsonPath != null ? jsonPath.selectInput(raw, run) : raw;
        Instant due = until.due(input, run);
        if (!due.isAfter(run.now())) {
            return done(run);
        }
        run.schedule(due);
        return Outcome.SUSPENDED;
    }

    @Override
    public Outcome resume(StateRun run, Signal signal) {
        return done(run);
    }

    private Outcome done(StateRun run) {
        JsonNode raw = run.rawInput();
        JsonNode input = jsonPath != null ? jsonPath.selectInput(raw, run) : raw;
        JsonNode output = jsonPath != null ? jsonPath.passThrough(raw, run) : flow.output(raw, raw, run);
        return new Outcome.Done(output, next(), flow.assignments(raw, input, run));
    }

    static Until seconds(long seconds) {
        return (input, run) -> run.now().plusSeconds(seconds);
    }

    static Until timestamp(Instant timestamp) {
        return (input, run) -> timestamp;
    }

    static Until secondsPath(Path path) {
        return (input, run) -> run.now().plusSeconds(seconds("SecondsPath", path.text(), path.read(input, run)));
    }

    static Until timestampPath(Path path) {
        return (input, run) -> timestamp("TimestampPath", path.text(), path.read(input, run));
    }

    static Until jsonataSeconds(JsonataTemplate template) {
        return (input, run) -> run.now().plusSeconds(seconds("Seconds", null, template.evaluate(run)));
    }

    static Until jsonataTimestamp(JsonataTemplate template) {
        return (input, run) -> timestamp("Timestamp", null, template.evaluate(run));
    }

    private static long seconds(String field, String path, JsonNode value) {
        if (value == null) {
            throw StatesError.runtime("Invalid path '" + path + "' : No results for path: $['"
                    + (path.startsWith("$.") ? path.substring(2) : path) + "']");
        }
        Integer seconds = Json.intValue(value);
        if (seconds == null || seconds < 0) {
            throw StatesError.runtime("The " + field + " field refers to value " + Json.write(value)
                    + " which is not a valid non-negative integer" + (path == null ? "" : ": " + path));
        }
        return seconds;
    }

    private static Instant timestamp(String field, String path, JsonNode value) {
        if (value == null) {
            throw StatesError.runtime("Invalid path '" + path + "' : No results for path: $['"
                    + (path.startsWith("$.") ? path.substring(2) : path) + "']");
        }
        OffsetDateTime time = value.isTextual() ? Comparison.timestamp(value.textValue()) : null;
        if (time == null) {
            throw StatesError.runtime("The " + field + " field refers to value " + Json.write(value)
                    + " which is not a valid ISO-8601 timestamp" + (path == null ? "" : ": " + path));
        }
        return time.toInstant();
    }
}
