package io.nagare.local.stepfunctions.internal.asl;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Task}: calls a Lambda function, an activity or a service integration, with Retry, Catch and timeouts. */
final class TaskState extends State {

    private final TaskResource resource;
    private final DataFlow flow;
    private final TimeLimit timeout;
    private final TimeLimit heartbeat;
    private final List<Retrier> retriers;
    private final List<Catcher> catchers;

    TaskState(String name, String next, TaskResource resource, DataFlow flow, TimeLimit timeout, TimeLimit heartbeat,
              List<Retrier> retriers, List<Catcher> catchers) {
        super(name, next);
        this.resource = resource;
        this.flow = flow;
        this.timeout = timeout;
        this.heartbeat = heartbeat;
        this.retriers = List.copyOf(retriers);
        this.catchers = List.copyOf(catchers);
    }

    @Override
    public String eventPrefix() {
        return "Task";
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
    public TaskResource taskResource() {
        return resource;
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode raw = run.rawInput();
        JsonNode parameters = flow.effectiveInput(raw, run);
        long timeoutSeconds = timeout == null ? TaskRequest.DEFAULT_TIMEOUT_SECONDS : timeout.seconds(raw, run);
        long heartbeatSeconds = heartbeat == null ? 0 : heartbeat.seconds(raw, run);
        JsonNode result = run.invokeTask(new TaskRequest(resource, parameters, timeoutSeconds, heartbeatSeconds));
        return result == null ? Outcome.SUSPENDED : done(raw, result, run);
    }

    @Override
    public Outcome resume(StateRun run, Signal signal) {
        return done(run.rawInput(), signal.value(), run);
    }

    private Outcome done(JsonNode raw, JsonNode result, StateRun run) {
        JsonNode output = flow.output(raw, result, run);
        return new Outcome.Done(output, next(), flow.assignments(raw, result, run));
    }
}
