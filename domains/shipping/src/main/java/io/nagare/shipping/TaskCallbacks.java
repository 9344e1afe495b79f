package io.nagare.shipping;

import java.util.Objects;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Answers the saga waiting on a task token. A token that is no longer valid (the wait timed out, the execution ended,
 * the token was already answered) is not an error here: the saga has moved on, so the answer is dropped and the
 * caller told so. Other failures (throttling, outages) propagate, so the message is retried.
 */
final class TaskCallbacks {

    private static final System.Logger LOG = System.getLogger(TaskCallbacks.class.getName());

    private final SfnClient stepFunctions;

    TaskCallbacks(SfnClient stepFunctions) {
        this.stepFunctions = Objects.requireNonNull(stepFunctions, "stepFunctions");
    }

    boolean heartbeat(String orderId, String token) {
        return send(orderId, "SendTaskHeartbeat", () -> stepFunctions.sendTaskHeartbeat(b -> b.taskToken(token)));
    }

    boolean succeed(String orderId, String token, String output) {
        return send(orderId, "SendTaskSuccess", () -> stepFunctions.sendTaskSuccess(b -> b.taskToken(token)
                .output(output)));
    }

    boolean fail(String orderId, String token, String error, String cause) {
        return send(orderId, "SendTaskFailure", () -> stepFunctions.sendTaskFailure(b -> b.taskToken(token)
                .error(error).cause(cause)));
    }

    private static boolean send(String orderId, String action, Runnable call) {
        try {
            call.run();
            return true;
        } catch (TaskTimedOutException | InvalidTokenException | TaskDoesNotExistException e) {
            String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            // the token itself is never logged: it lets anyone answer the saga
            LOG.log(System.Logger.Level.WARNING, "order ''{0}'': {1} dropped: the task token is no longer valid ({2});"
                    + " the saga has moved on", orderId, action, code);
            return false;
        }
    }
}
