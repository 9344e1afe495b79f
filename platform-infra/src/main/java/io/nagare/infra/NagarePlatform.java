package io.nagare.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.nagare.infra.api.ApiStack;
import io.nagare.infra.compute.ComputeStack;
import io.nagare.infra.compute.ModelResources;
import io.nagare.infra.data.DataStack;
import io.nagare.infra.data.ReplicaStack;
import io.nagare.infra.edge.EdgeFirewallStack;
import io.nagare.infra.edge.EdgeStack;
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
    private final ReplicaStack replica;
    private final DataStack data;
    private final EventingStack eventing;
    private final ComputeStack compute;
    private final SubscriptionsStack subscriptions;
    private final ApiStack api;
    private final EdgeFirewallStack edgeFirewall;
    private final EdgeStack edge;
    private final OperationsStack operations;

    private NagarePlatform(Construct scope, PlatformInputs inputs) {
        PlatformEnvironment environment = inputs.environment();
        security = new SecurityStack(scope, stackName(environment, "Security"), props(environment, "Security",
                "KMS keys, Cognito and the regional web firewall"), environment,
                new PartnerIdentityProps(environment, routeScopes(inputs), partners(inputs)),
                inputs.allowedCountries());
        network = new NetworkStack(scope, stackName(environment, "Network"), props(environment, "Network",
                "VPC, subnets, NAT, VPC endpoints and flow logs"), environment, security.keys().logs());
        replica = environment.replicas() ? new ReplicaStack(scope, stackName(environment, "Replica"),
                props(environment, "Replica", PlatformEnvironment.REPLICA_REGION,
                        "the recovery Region: the business data key's replica and the data lake's replica"),
                environment, security.keys().businessData()) : null;
        data = new DataStack(scope, stackName(environment, "Data"), props(environment, "Data",
                "the model's tables, PostgreSQL, Redis, buckets and backups"), environment, inputs.model(),
                security.keys(), network);
        if (replica != null) {
            // Table replicas need the replica key, and replication its destination, both named without a reference.
            data.addDependency(replica, "the recovery Region's key and bucket exist first");
        }
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
        edgeFirewall = new EdgeFirewallStack(scope, stackName(environment, "EdgeFirewall"), props(environment,
                "EdgeFirewall", EdgeFirewallStack.REGION, "the CloudFront web ACL (CLOUDFRONT scope lives in us-east-1)"),
                environment, inputs.allowedCountries());
        edge = new EdgeStack(scope, stackName(environment, "Edge"), props(environment, "Edge",
                "CloudFront in front of the partner API and the monitoring UI"),
                new EdgeStack.EdgeStackProps(environment, api.api(), data.accessLogs(), edgeFirewall.webAclArn(),
                        inputs.allowedCountries(), inputs.edgeDomain().certificateArn(),
                        inputs.edgeDomain().domainName()));
        operations = new OperationsStack(scope, stackName(environment, "Operations"), props(environment,
                "Operations", "alarms, dashboards, CloudTrail and the budget"),
                new OperationsStack.OperationsStackProps(environment, inputs.model(), compute.functionAliases(),
                        compute.stateMachines(), eventing.queues(), security.keys().messaging(),
                        security.keys().logs(), data.accessLogs(), environment.monthlyBudgetUsd(), api.api(),
                        data.dataLake(), replica != null ? ReplicaStack.dataLakeReplicaName(environment) : null));
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

    /** The recovery Region's stack, or {@code null} in an environment without replicas. */
    public ReplicaStack replica() {
        return replica;
    }

    public EdgeFirewallStack edgeFirewall() {
        return edgeFirewall;
    }

    public EdgeStack edge() {
        return edge;
    }

    public OperationsStack operations() {
        return operations;
    }

    /** Every stack, in deployment order. */
    public List<Stack> stacks() {
        List<Stack> stacks = new ArrayList<>(List.of(security, network));
        if (replica != null) {
            stacks.add(replica);
        }
        stacks.addAll(List.of(data, eventing, compute, subscriptions, api, edgeFirewall, edge, operations));
        return stacks;
    }

    static String stackName(PlatformEnvironment environment, String concern) {
        return "Nagare-" + environment.title() + "-" + concern;
    }

    private static StackProps props(PlatformEnvironment environment, String concern, String description) {
        return props(environment, concern, PlatformEnvironment.REGION, description);
    }

    /**
     * Stacks in other Regions (the edge firewall in us-east-1, the recovery Region) exchange ARNs with CDK's
     * cross-Region references: CDK writes the value to SSM Parameter Store in the consumer's Region at deployment.
     */
    private static StackProps props(PlatformEnvironment environment, String concern, String region,
                                    String description) {
        return StackProps.builder()
                .stackName(stackName(environment, concern))
                .description("Nagare " + environment.id() + ": " + description)
                .env(region(region))
                .crossRegionReferences(true)
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
