package io.nagare.infra;

import java.util.List;

import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * The physical names of the model's resources in one environment: {@code nagare-<env>-<declared name>}, so dev,
 * staging and prod can share an account. Names that are known before deployment also give ARNs without a reference
 * between stacks, which breaks the cycles EventBridge rules, queues and state machines would otherwise form.
 *
 * @param environment the deployment
 */
public record ResourceNames(PlatformEnvironment environment) {

    /** The account's default bus, which exists already and keeps its name. */
    public static final String DEFAULT_BUS = "default";

    public String prefix() {
        return "nagare-" + environment.id() + "-";
    }

    public String table(String declared) {
        return prefix() + declared;
    }

    public String queue(String declared) {
        return prefix() + declared;
    }

    public String bus(String declared) {
        return DEFAULT_BUS.equals(declared) ? DEFAULT_BUS : prefix() + declared;
    }

    public String function(String declared) {
        return prefix() + declared;
    }

    public String saga(String declared) {
        return prefix() + declared;
    }

    /** Rule names only need to be unique per bus, and each custom bus is per environment. */
    public String rule(String bus, String declared) {
        return DEFAULT_BUS.equals(bus) ? prefix() + declared : declared;
    }

    /** The ARN of the rule {@code declared} on the model's bus {@code bus}. */
    public String ruleArn(Stack stack, String bus, String declared) {
        String resourceName = DEFAULT_BUS.equals(bus) ? rule(bus, declared)
                : String.join("/", List.of(bus(bus), rule(bus, declared)));
        return Arn.format(ArnComponents.builder().service("events").resource("rule").resourceName(resourceName)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build(), stack);
    }

    /** The ARN of the state machine of saga {@code declared}. */
    public String sagaArn(Stack stack, String declared) {
        return Arn.format(ArnComponents.builder().service("states").resource("stateMachine")
                .resourceName(saga(declared)).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build(), stack);
    }
}
