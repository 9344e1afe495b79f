package io.nagare.infra;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.nagare.infra.api.ApiStack;
import io.nagare.infra.compute.ComputeStack;
import io.nagare.infra.compute.ModelResources;
import io.nagare.infra.data.DataStack;
import io.nagare.infra.eventing.EventingStack;
import io.nagare.infra.network.NetworkStack;
import io.nagare.infra.operations.OperationsStack;
import io.nagare.infra.security.PartnerIdentityProps;
import io.nagare.infra.subscriptions.SubscriptionsStack;
import io.nagare.infra.security.SecurityStack;
import io.nagare.platform.model.ApiRouteDeclaration;
import io.nagare.schemas.EventType;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * The whole platform of one environment: a stack per concern, in dependency order. Stack names are
 * {@code Nagare-<Env>-<Concern>}.
 */
public final class NagarePlatform {

    /** Event sources of partner systems: {@code nagare.partner.<partner>}. */
    static final String PARTNER_SOURCE_PREFIX = "nagare.partner.";

    private final SecurityStack security;
    private final NetworkStack network;
    private final DataStack data;
    private final EventingStack eventing;
    private final ComputeStack compute;
    private final SubscriptionsStack subscriptions;
    private final ApiStack api;
    private final OperationsStack operations;

    private NagarePlatform(Construct scope, PlatformInputs inputs) {
        PlatformEnvironment environment = inputs.environment();
        security = new SecurityStack(scope, stackName(environment, "Security"), props(environment, "Security",
                "KMS keys, Cognito and the regional web firewall"), environment,
                new PartnerIdentityProps(environment, routeScopes(inputs), partners(inputs)),
                inputs.allowedCountries());
        network = new NetworkStack(scope, stackName(environment, "Network"), props(environment, "Network",
                "VPC, subnets, NAT, VPC endpoints and flow logs"), environment, security.keys().logs());
        data = new DataStack(scope, stackName(environment, "Data"), props(environment, "Data",
                "the model's tables, PostgreSQL, Redis, buckets and backups"), environment, inputs.model(),
                security.keys(), network);
        ResourceNames names = new ResourceNames(environment);
        eventing = new EventingStack(scope, stackName(environment, "Eventing"), props(environment, "Eventing",
                "the model's buses, archives and queues, and the event schema registry"), inputs.model(), names,
                inputs.registry(), security.keys().messaging());
        ModelResources resources = new ModelResources(new TreeMap<>(data.tables()),
                new TreeMap<>(eventing.queues()), eventing.buses(), names);
        compute = new ComputeStack(scope, stackName(environment, "Compute"), props(environment, "Compute",
                "the model's functions and sagas, and the Fargate workers"),
                new ComputeStack.ComputeStackProps(inputs.model(), inputs.functionCode(), resources, network.vpc(),
                        network.applicationSecurityGroup(), security.keys().logs(), security.keys().businessData()));
        subscriptions = new SubscriptionsStack(scope, stackName(environment, "Subscriptions"), props(environment,
                "Subscriptions", "the model's subscriptions as EventBridge rules"), inputs.model(), names,
                new SubscriptionsStack.SubscriptionTargets(compute.functionAliases(), compute.stateMachines(),
                        eventing.queues(), eventing.buses()));
        api = new ApiStack(scope, stackName(environment, "Api"), props(environment, "Api",
                "the partner HTTP API with its JWT authorizer"), environment, inputs.model(),
                security.identity().userPool(), security.identity().partnerClients().values().stream()
                        .map(client -> client.getUserPoolClientId()).toList(),
                compute.functionAliases(), security.keys().logs());
        operations = new OperationsStack(scope, stackName(environment, "Operations"), props(environment,
                "Operations", "alarms, dashboards, CloudTrail and the budget"),
                new OperationsStack.OperationsStackProps(environment, inputs.model(), compute.functionAliases(),
                        compute.stateMachines(), eventing.queues(), security.keys().messaging(),
                        security.keys().logs(), data.accessLogs(), environment.monthlyBudgetUsd()));
        for (Stack stack : stacks()) {
            Tags.of(stack).add("service", "nagare");
            Tags.of(stack).add("environment", environment.id());
            Tags.of(stack).add("domain", "platform");
        }
    }

    /** Creates every stack of {@code inputs.environment()} under {@code scope} (an app or a pipeline stage). */
    public static NagarePlatform create(Construct scope, PlatformInputs inputs) {
        return new NagarePlatform(scope, inputs);
    }

    public SecurityStack security() {
        return security;
    }

    public NetworkStack network() {
        return network;
    }

    public DataStack data() {
        return data;
    }

    public EventingStack eventing() {
        return eventing;
    }

    public ComputeStack compute() {
        return compute;
    }

    public SubscriptionsStack subscriptions() {
        return subscriptions;
    }

    public ApiStack api() {
        return api;
    }

    public OperationsStack operations() {
        return operations;
    }

    /** Every stack, in deployment order. */
    public List<Stack> stacks() {
        return List.of(security, network, data, eventing, compute, subscriptions, api, operations);
    }

    static String stackName(PlatformEnvironment environment, String concern) {
        return "Nagare-" + environment.title() + "-" + concern;
    }

    private static StackProps props(PlatformEnvironment environment, String concern, String description) {
        return StackProps.builder()
                .stackName(stackName(environment, concern))
                .description("Nagare " + environment.id() + ": " + description)
                .env(region(PlatformEnvironment.REGION))
                .terminationProtection(environment.deletionProtection())
                .build();
    }

    /** A Region-only environment: the account comes from the deploying credentials, so synth needs none. */
    static Environment region(String region) {
        return Environment.builder().region(region).build();
    }

    private static Set<String> routeScopes(PlatformInputs inputs) {
        Set<String> scopes = new TreeSet<>();
        for (ApiRouteDeclaration route : inputs.model().routes()) {
            scopes.addAll(route.scopes());
        }
        return scopes;
    }

    private static Set<String> partners(PlatformInputs inputs) {
        Set<String> partners = new TreeSet<>();
        for (EventType type : inputs.registry().eventTypes()) {
            if (type.source().startsWith(PARTNER_SOURCE_PREFIX)) {
                partners.add(type.source().substring(PARTNER_SOURCE_PREFIX.length()));
            }
        }
        return partners;
    }
}
