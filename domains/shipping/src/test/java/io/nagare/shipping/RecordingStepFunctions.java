package io.nagare.shipping;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Step Functions' task-token API as the service answers it: a token answered by success or failure is closed (a
 * second answer meets TaskTimedOut, as Step Functions reports a token whose task ended); tests can close tokens or
 * make them fail with other errors.
 */
final class RecordingStepFunctions implements SfnClient {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, SfnException> failures = new ConcurrentHashMap<>();

    static SfnException timedOut() {
        return (SfnException) TaskTimedOutException.builder().message("Task Timed Out: 'arn:...'")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TaskTimedOut").build()).statusCode(400).build();
    }

    static SfnException invalidToken() {
        return (SfnException) InvalidTokenException.builder().message("Invalid Token: 'Invalid token'")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidToken").build()).statusCode(400).build();
    }

    static SfnException doesNotExist() {
        return (SfnException) TaskDoesNotExistException.builder().message("Task does not exist")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TaskDoesNotExist").build()).statusCode(400).build();
    }

    static SfnException throttled() {
        return (SfnException) SfnException.builder().message("Rate exceeded")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).statusCode(400)
                .build();
    }

    private void check(String token) {
        SfnException failure = failures.get(token);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public SendTaskHeartbeatResponse sendTaskHeartbeat(SendTaskHeartbeatRequest request) {
        check(request.taskToken());
        calls.add("heartbeat " + request.taskToken());
        return SendTaskHeartbeatResponse.builder().build();
    }

    @Override
    public SendTaskSuccessResponse sendTaskSuccess(SendTaskSuccessRequest request) {
        check(request.taskToken());
        calls.add("success " + request.taskToken() + " " + request.output());
        failures.put(request.taskToken(), timedOut());
        return SendTaskSuccessResponse.builder().build();
    }

    @Override
    public SendTaskFailureResponse sendTaskFailure(SendTaskFailureRequest request) {
        check(request.taskToken());
        calls.add("failure " + request.taskToken() + " " + request.error() + " " + request.cause());
        failures.put(request.taskToken(), timedOut());
        return SendTaskFailureResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "states";
    }

    @Override
    public void close() {
    }
}
