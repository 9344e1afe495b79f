package io.nagare.local.stepfunctions.internal.asl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task state's {@code Resource}, parsed: a Lambda function ARN, an activity ARN, or a service integration
 * {@code arn:aws:states:::service:action[.sync|.sync:2|.waitForTaskToken]}.
 */
public record TaskResource(String arn, Kind kind, String service, String action, IntegrationPattern pattern) {

    public enum Kind { LAMBDA_FUNCTION, ACTIVITY, SERVICE }

    public enum IntegrationPattern { REQUEST_RESPONSE, SYNC, SYNC2, WAIT_FOR_TASK_TOKEN }

    private static final Pattern LAMBDA = Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?");
    private static final Pattern ACTIVITY = Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:activity:.+");
    private static final Pattern SERVICE = Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]*:(\\d{12})?:([a-zA-Z0-9-]+(?::[a-zA-Z0-9-]+)?):([a-zA-Z0-9]+)(\\.sync(:2)?|\\.waitForTaskToken)?");

    /** Parses a resource; throws {@link IllegalArgumentException} when it is none of the accepted forms. */
    public static TaskResource parse(String arn) {
        if (LAMBDA.matcher(arn).matches()) {
            return new TaskResource(arn, Kind.LAMBDA_FUNCTION, "lambda", "invoke", IntegrationPattern.REQUEST_RESPONSE);
        }
        if (ACTIVITY.matcher(arn).matches()) {
            return new TaskResource(arn, Kind.ACTIVITY, "states", "activity", IntegrationPattern.WAIT_FOR_TASK_TOKEN);
        }
        Matcher service = SERVICE.matcher(arn);
        if (service.matches()) {
            String suffix = service.group(4);
            IntegrationPattern pattern = suffix == null ? IntegrationPattern.REQUEST_RESPONSE
                    : suffix.equals(".sync") ? IntegrationPattern.SYNC
                    : suffix.equals(".sync:2") ? IntegrationPattern.SYNC2 : IntegrationPattern.WAIT_FOR_TASK_TOKEN;
            return new TaskResource(arn, Kind.SERVICE, service.group(2), service.group(3), pattern);
        }
        throw new IllegalArgumentException("Resource '" + arn + "' is not a Lambda function ARN, an activity ARN or"
                + " a service integration ARN (arn:aws:states:::service:action)");
    }

    /** The {@code resourceType} of Task* history events, e.g. {@code lambda} or {@code states}. */
    public String resourceType() {
        return service;
    }

    /** The {@code resource} of Task* history events: the action with its pattern suffix, e.g. {@code invoke}. */
    public String resourceName() {
        return switch (pattern) {
            case REQUEST_RESPONSE -> action;
            case SYNC -> action + ".sync";
            case SYNC2 -> action + ".sync:2";
            case WAIT_FOR_TASK_TOKEN -> action + ".waitForTaskToken";
        };
    }
}
