package io.nagare.local.lambda;

import java.time.Duration;
import java.time.Instant;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import io.nagare.local.runtime.LocalClock;

/** The {@link Context} of one invocation; the remaining time is read from the runtime's clock. */
final class InvocationContext implements Context {

    private final String requestId;
    private final DeployedFunction function;
    private final String logStreamName;
    private final Instant deadline;
    private final LocalClock clock;
    private final InvocationLog log;

    InvocationContext(String requestId, DeployedFunction function, String logStreamName, Instant deadline,
                      LocalClock clock, InvocationLog log) {
        this.requestId = requestId;
        this.function = function;
        this.logStreamName = logStreamName;
        this.deadline = deadline;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return function.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return DeployedFunction.VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.arn();
    }

    /** Only mobile SDK invocations carry a Cognito identity. */
    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    /** Only mobile SDK invocations carry a client context. */
    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = Duration.between(clock.now(), deadline).toMillis();
        return (int) Math.max(0, remaining);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.declaration().memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return log;
    }
}
