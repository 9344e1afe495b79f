package io.nagare.local.eventbridge;

import io.nagare.local.runtime.targets.EventTargetInvoker;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsJsonService;
import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.RuntimeContext;

/**
 * Local Amazon EventBridge on the AWS JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.<Operation>}), durable in
 * the runtime's {@code eventbridge} store. Rules are matched by event-ruler; matched events reach their targets
 * asynchronously, at least once, through {@link EventTargetInvoker}s.
 */
public final class EventBridgeService extends AwsJsonService {

    private final EventBridgeState state;
    private final EventBusOperations buses;
    private final RuleOperations rules;
    private final TargetOperations targets;
    private final PutEventsOperation putEvents;
    private final TestEventPatternOperation testEventPattern = new TestEventPatternOperation();
    private final ArchiveOperations archives;
    private final ReplayOperations replays;
    private final ScheduledRules schedules;
    private final TagOperations tags;
    private final Runnable onClose;

    EventBridgeService(RuntimeContext context, Executor executor, Runnable onClose) {
        super("AWSEvents", "1.1", "");
        this.onClose = onClose;
        this.state = new EventBridgeState(new EventBridgeStore(context.store("eventbridge")), context.clock(),
                context.region(), context.accountId());
        EventDispatcher dispatcher = new EventDispatcher(state, executor);
        TargetDelivery delivery = new TargetDelivery(state, executor,
                new TargetInvokers(context, new EventBusTarget(state, dispatcher)));
        dispatcher.deliverWith(delivery);
        this.schedules = new ScheduledRules(state, dispatcher);
        this.buses = new EventBusOperations(state);
        this.rules = new RuleOperations(state, schedules);
        this.targets = new TargetOperations(state);
        this.putEvents = new PutEventsOperation(state, dispatcher);
        this.archives = new ArchiveOperations(state);
        this.replays = new ReplayOperations(state, dispatcher, executor);
        this.tags = new TagOperations(state);

        buses.ensureDefaultBus();
        state.store.buses.keySet().forEach(state::indexRules);
        schedules.start();
        dispatcher.recover();
        delivery.recover();
        replays.recover();
    }

    @Override
    public String name() {
        return "eventbridge";
    }

    @Override
    protected JsonNode invoke(String operation, ObjectNode input) {
        return switch (operation) {
            case "CreateEventBus" -> {
                var created = TagOperations.tagsOf(input, false);
                ObjectNode output = buses.create(input);
                tags.created(output.get("EventBusArn").asText(), created);
                yield output;
            }
            case "DescribeEventBus" -> buses.describe(input);
            case "ListEventBuses" -> buses.list(input);
            case "DeleteEventBus" -> {
                ObjectNode output = buses.delete(input);
                tags.busDeleted(EventBridgeArns.busName(Params.optional(input, "Name")));
                yield output;
            }
            case "PutEvents" -> putEvents.invoke(input);
            case "PutRule" -> {
                var given = TagOperations.tagsOf(input, false);
                ObjectNode output = rules.put(input);
                tags.created(output.get("RuleArn").asText(), given);
                yield output;
            }
            case "DescribeRule" -> rules.describe(input);
            case "ListRules" -> rules.list(input);
            case "DeleteRule" -> {
                ObjectNode output = rules.delete(input);
                tags.ruleDeleted(EventBridgeArns.busName(Params.optional(input, "EventBusName")),
                        Params.required(input, "Name"));
                yield output;
            }
            case "EnableRule" -> rules.enable(input);
            case "DisableRule" -> rules.disable(input);
            case "PutTargets" -> targets.put(input);
            case "RemoveTargets" -> targets.remove(input);
            case "ListTargetsByRule" -> targets.list(input);
            case "TestEventPattern" -> testEventPattern.invoke(input);
            case "CreateArchive" -> archives.create(input);
            case "DescribeArchive" -> archives.describe(input);
            case "ListArchives" -> archives.list(input);
            case "DeleteArchive" -> archives.delete(input);
            case "UpdateArchive" -> archives.update(input);
            case "StartReplay" -> replays.start(input);
            case "DescribeReplay" -> replays.describe(input);
            case "ListReplays" -> replays.list(input);
            case "CancelReplay" -> replays.cancel(input);
            case "TagResource" -> tags.tag(input);
            case "UntagResource" -> tags.untag(input);
            case "ListTagsForResource" -> tags.list(input);
            default -> throw new AwsServiceException("UnknownOperationException",
                    "not supported: EventBridge operation " + operation);
        };
    }

    @Override
    public void close() {
        schedules.close();
        onClose.run();
        state.store.close();
    }
}
