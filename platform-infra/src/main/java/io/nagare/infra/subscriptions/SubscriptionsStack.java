package io.nagare.infra.subscriptions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nagare.infra.ResourceNames;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.SubscriptionDeclaration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * Every subscription of the model as an EventBridge rule with one target, the model's retry policy and dead-letter
 * queue, and the input it declares. Rules come last: they target functions, sagas, queues and buses of the other
 * stacks. Rule ARNs are derived from names, so the queues' policies ({@code EventingStack}) need nothing from here.
 */
public final class SubscriptionsStack extends Stack {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SubscriptionsStack(Construct scope, String id, StackProps props, PlatformModel model, ResourceNames names,
                              SubscriptionTargets targets) {
        super(scope, id, props);
        for (SubscriptionDeclaration subscription : model.subscriptions()) {
            rule(subscription, names, targets);
        }
    }

    private void rule(SubscriptionDeclaration subscription, ResourceNames names, SubscriptionTargets targets) {
        IEventBus bus = targets.buses().get(subscription.bus());
        String ruleArn = names.ruleArn(this, subscription.bus(), subscription.name());
        CfnRule.TargetProperty.Builder target = CfnRule.TargetProperty.builder()
                .id("Target")
                .retryPolicy(CfnRule.RetryPolicyProperty.builder()
                        .maximumRetryAttempts(subscription.retryPolicy().maximumRetryAttempts())
                        .maximumEventAgeInSeconds(subscription.retryPolicy().maximumEventAgeSeconds())
                        .build());
        String name = subscription.target().name();
        switch (subscription.target().kind()) {
            case FUNCTION -> {
                IFunction function = targets.functions().get(name);
                target.arn(function.getFunctionArn());
                // The invoke permission lives with the rule, so the compute stack needs nothing from this one.
                CfnPermission.Builder.create(this, "Invoke-" + subscription.name())
                        .action("lambda:InvokeFunction")
                        .functionName(function.getFunctionArn())
                        .principal("events.amazonaws.com")
                        .sourceArn(ruleArn)
                        .build();
            }
            case SAGA -> {
                IStateMachine machine = targets.sagas().get(name);
                Role role = role(subscription, "starts saga '" + name + "'");
                machine.grantStartExecution(role);
                acknowledge(role);
                target.arn(machine.getStateMachineArn()).roleArn(role.getRoleArn());
            }
            case BUS -> {
                IEventBus destination = targets.buses().get(name);
                Role role = role(subscription, "forwards to bus '" + name + "'");
                destination.grantPutEventsTo(role);
                acknowledge(role);
                target.arn(destination.getEventBusArn()).roleArn(role.getRoleArn());
            }
            case QUEUE -> {
                IQueue queue = targets.queues().get(name);
                target.arn(queue.getQueueArn());
                if (subscription.messageGroupId() != null) {
                    target.sqsParameters(CfnRule.SqsParametersProperty.builder()
                            .messageGroupId(subscription.messageGroupId()).build());
                }
            }
            case TABLE -> throw new IllegalStateException("not supported: subscription '" + subscription.name()
                    + "' targets a table; EventBridge delivers to functions, sagas, queues and buses");
        }
        if (subscription.deadLetterQueue() != null) {
            target.deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder()
                    .arn(targets.queues().get(subscription.deadLetterQueue()).getQueueArn()).build());
        }
        if (subscription.input() != null) {
            target.input(subscription.input());
        }
        if (subscription.inputPath() != null) {
            target.inputPath(subscription.inputPath());
        }
        if (subscription.inputTransformer() != null) {
            target.inputTransformer(CfnRule.InputTransformerProperty.builder()
                    .inputPathsMap(subscription.inputTransformer().inputPathsMap())
                    .inputTemplate(subscription.inputTransformer().inputTemplate())
                    .build());
        }
        CfnRule rule = CfnRule.Builder.create(this, "Rule-" + subscription.name())
                .name(names.rule(subscription.bus(), subscription.name()))
                .description("Subscription '" + subscription.name() + "' (owner: " + subscription.owner() + ")")
                .eventBusName(bus.getEventBusName())
                .eventPattern(pattern(subscription))
                .state("ENABLED")
                .targets(List.of(target.build()))
                .build();
        if (subscription.deadLetterQueue() == null) {
            NagAcknowledgement.of(rule, "This rule forwards to another bus, which EventBridge delivers to "
                    + "synchronously; the model requires a dead-letter queue for every other kind of target.",
                    "Serverless-EventBusDLQ");
        }
    }

    private Role role(SubscriptionDeclaration subscription, String what) {
        return Role.Builder.create(this, "Role-" + subscription.name())
                .assumedBy(new ServicePrincipal("events.amazonaws.com"))
                .description("EventBridge rule '" + subscription.name() + "' " + what)
                .build();
    }

    /** After the grant: acknowledgements reach only the children a construct has when they are added. */
    private static void acknowledge(Role role) {
        NagAcknowledgement.of(role, "The role's policy is the one grant this rule's target needs; it lives and "
                        + "dies with the role.",
                "PCI.DSS.321-IAMNoInlinePolicy", "NIST.800.53.R5-IAMNoInlinePolicy");
    }

    private static Map<?, ?> pattern(SubscriptionDeclaration subscription) {
        try {
            return JSON.readValue(subscription.pattern(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("subscription '" + subscription.name() + "': pattern is not JSON; "
                    + "is the model validated?", e);
        }
    }

    /**
     * What subscriptions deliver to, by declared name.
     *
     * @param functions the alias {@code live} of each function
     * @param sagas     state machines
     * @param queues    queues
     * @param buses     buses
     */
    public record SubscriptionTargets(Map<String, ? extends IFunction> functions,
                                      Map<String, ? extends IStateMachine> sagas,
                                      Map<String, ? extends IQueue> queues, Map<String, IEventBus> buses) {
    }
}
