package io.nagare.local.provisioning;

import io.nagare.platform.model.Reference;

/**
 * The identifiers of the model's resources in this runtime, as docs/platform-model.md "What a reference becomes"
 * says: function → ARN, saga → state machine ARN, table → name, queue → URL, bus → name.
 */
record ResourceNames(String region, String accountId, String endpointUrl) {

    /** The role EventBridge and Step Functions are given locally; the local runtime does not check IAM. */
    String role(String name) {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }

    String functionArn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    String stateMachineArn(String name) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    }

    String queueArn(String name) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
    }

    String queueUrl(String name) {
        return endpointUrl + "/" + accountId + "/" + name;
    }

    String busArn(String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
    }

    /** The identifier an AWS API takes for the reference (a saga substitution, a function variable). */
    String identifier(Reference reference) {
        return switch (reference.kind()) {
            case FUNCTION -> functionArn(reference.name());
            case SAGA -> stateMachineArn(reference.name());
            case TABLE, BUS -> reference.name();
            case QUEUE -> queueUrl(reference.name());
        };
    }

    /** The ARN an EventBridge target takes for the reference. */
    String targetArn(Reference reference) {
        return switch (reference.kind()) {
            case FUNCTION -> functionArn(reference.name());
            case SAGA -> stateMachineArn(reference.name());
            case QUEUE -> queueArn(reference.name());
            case BUS -> busArn(reference.name());
            case TABLE -> throw new IllegalArgumentException("not supported: a table as an EventBridge target ("
                    + reference + ")");
        };
    }
}
