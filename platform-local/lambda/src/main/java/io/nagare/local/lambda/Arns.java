package io.nagare.local.lambda;

/** The identifiers of this runtime's resources, as the AWS APIs name them, in its region and account. */
record Arns(String region, String accountId) {

    String function(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    String queue(String name) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
    }

    String stateMachine(String name) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    }

    /** A queue's name from its ARN, or null when {@code arn} is not an SQS queue ARN of this region and account. */
    String queueName(String arn) {
        String prefix = "arn:aws:sqs:" + region + ":" + accountId + ":";
        return arn.startsWith(prefix) && arn.length() > prefix.length() ? arn.substring(prefix.length()) : null;
    }
}
