package io.nagare.infra.eventing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.ResourceNames;
import io.nagare.platform.model.EventBusDeclaration;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.SubscriptionDeclaration;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The seed's event layer (section 2.4): the model's buses with their archives, the schema registry, and the model's
 * queues with the policies that let each subscription's rule deliver to its target queue and its dead-letter queue.
 * The rules themselves are in {@code SubscriptionsStack}, after the functions and sagas they target; their ARNs are
 * known from their names, so these policies need no reference to that stack.
 */
public final class EventingStack extends Stack {

    private final Map<String, IEventBus> buses = new TreeMap<>();
    private final ModelQueues queues;

    public EventingStack(Construct scope, String id, StackProps props, PlatformModel model, ResourceNames names,
                         SchemaRegistry schemas, IKey messagingKey) {
        super(scope, id, props);
        for (EventBusDeclaration declaration : model.buses()) {
            buses.put(declaration.name(), bus(declaration, names));
        }
        new EventSchemaRegistry(this, "Schemas", "nagare-" + names.environment().id(), schemas);
        queues = new ModelQueues(this, "Queues", model, names, messagingKey);
        for (SubscriptionDeclaration subscription : model.subscriptions()) {
            String ruleArn = names.ruleArn(this, subscription.bus(), subscription.name());
            if (subscription.target().kind() == Reference.Kind.QUEUE) {
                allowRule(queues.queues().get(subscription.target().name()), subscription, ruleArn);
            }
            if (subscription.deadLetterQueue() != null) {
                allowRule(queues.queues().get(subscription.deadLetterQueue()), subscription, ruleArn);
            }
        }
    }

    private IEventBus bus(EventBusDeclaration declaration, ResourceNames names) {
        if (ResourceNames.DEFAULT_BUS.equals(declaration.name())) {
            return EventBus.fromEventBusName(this, "Bus-default", ResourceNames.DEFAULT_BUS);
        }
        EventBus bus = EventBus.Builder.create(this, "Bus-" + declaration.name())
                .eventBusName(names.bus(declaration.name()))
                .description("Nagare bus '" + declaration.name() + "' (owner: " + declaration.owner() + ")")
                .build();
        if (declaration.archiveRetentionDays() != null) {
            BaseArchiveProps.Builder archive = BaseArchiveProps.builder()
                    .archiveName(names.bus(declaration.name()))
                    .description("Every event on bus '" + declaration.name() + "', for replay")
                    .eventPattern(EventPattern.builder().account(List.of(Aws.ACCOUNT_ID)).build());
            if (declaration.archiveRetentionDays() > 0) {
                archive.retention(Duration.days(declaration.archiveRetentionDays()));
            }
            bus.archive("Archive", archive.build());
        }
        return bus;
    }

    /** EventBridge may send to {@code queue} on behalf of this subscription's rule, and of no other. */
    private static void allowRule(Queue queue, SubscriptionDeclaration subscription, String ruleArn) {
        queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("EventBridgeRule" + subscription.name().replaceAll("[^A-Za-z0-9]", ""))
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArn)))
                .build());
    }

    public Map<String, IEventBus> buses() {
        return Map.copyOf(buses);
    }

    public IEventBus bus(String declared) {
        return buses.get(declared);
    }

    public Map<String, Queue> queues() {
        return queues.queues();
    }

    public IQueue queue(String declared) {
        return queues.queue(declared);
    }
}
