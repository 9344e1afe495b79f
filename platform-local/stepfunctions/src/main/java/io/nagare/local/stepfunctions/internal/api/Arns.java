package io.nagare.local.stepfunctions.internal.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nagare.local.runtime.AwsServiceException;

/** The ARNs of Step Functions resources, in AWS's format, and their validation. */
final class Arns {

    private static final Pattern STATE_MACHINE = Pattern.compile("arn:aws:states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:#]+)(#(.+))?");
    private static final Pattern EXECUTION = Pattern.compile("arn:aws:states:([a-z0-9-]+):(\\d{12}):(execution|express):([^:]+):([^:]+)(:[^:]+)?");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private final String region;
    private final String accountId;

    Arns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String stateMachine(String name) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    }

    /** A state machine ARN, optionally followed by {@code #TestCase}: the ARN and the test case (or null). */
    record StateMachineRef(String arn, String testCase) {
    }

    StateMachineRef stateMachineRef(String arn) {
        Matcher matcher = STATE_MACHINE.matcher(arn);
        if (!matcher.matches()) {
            throw invalid(arn);
        }
        String base = arn.contains("#") ? arn.substring(0, arn.indexOf('#')) : arn;
        return new StateMachineRef(base, matcher.group(5));
    }

    String stateMachineArn(String arn) {
        StateMachineRef ref = stateMachineRef(arn);
        if (ref.testCase() != null) {
            throw invalid(arn);
        }
        return ref.arn();
    }

    void execution(String arn) {
        if (!EXECUTION.matcher(arn).matches()) {
            throw invalid(arn);
        }
    }

    boolean isExpressExecution(String arn) {
        Matcher matcher = EXECUTION.matcher(arn);
        return matcher.matches() && matcher.group(3).equals("express");
    }

    static void role(String arn) {
        if (!ROLE.matcher(arn).matches()) {
            throw new AwsServiceException("InvalidArn", "Invalid Arn: 'Role ARN is not valid: " + arn + "'");
        }
    }

    private static AwsServiceException invalid(String arn) {
        return new AwsServiceException("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
    }
}
