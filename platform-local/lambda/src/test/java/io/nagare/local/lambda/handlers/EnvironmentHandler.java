package io.nagare.local.lambda.handlers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import io.nagare.platform.function.FunctionEnvironment;

/**
 * Answers the variables it is asked for (from {@link FunctionEnvironment}, read in the constructor as a handler
 * builds its clients, and at invocation) and what its context says.
 */
public class EnvironmentHandler implements RequestHandler<List<String>, Map<String, Object>> {

    private final String tableAtConstruction = FunctionEnvironment.current().variable("NAGARE_TABLE_ORDERS").orElse("");

    @Override
    public Map<String, Object> handleRequest(List<String> names, Context context) {
        Map<String, Object> answer = new TreeMap<>();
        for (String name : names) {
            answer.put(name, FunctionEnvironment.current().variable(name).orElse("<unset>"));
        }
        answer.put("tableAtConstruction", tableAtConstruction);
        answer.put("context.functionName", context.getFunctionName());
        answer.put("context.invokedFunctionArn", context.getInvokedFunctionArn());
        answer.put("context.functionVersion", context.getFunctionVersion());
        answer.put("context.memoryLimitInMB", context.getMemoryLimitInMB());
        answer.put("context.remainingTimeInMillis", context.getRemainingTimeInMillis());
        answer.put("context.logGroupName", context.getLogGroupName());
        answer.put("context.logStreamName", context.getLogStreamName());
        answer.put("context.awsRequestId", context.getAwsRequestId());
        return answer;
    }
}
