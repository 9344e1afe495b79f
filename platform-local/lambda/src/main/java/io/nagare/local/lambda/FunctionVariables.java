package io.nagare.local.lambda;

import java.util.Map;
import java.util.TreeMap;

import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.Reference;

/**
 * A function's environment variables, as the CDK app configures them on AWS and Lambda adds its own: the declared
 * variables, one per resource it uses ({@code NAGARE_TABLE_ORDERS} = the table name, {@code NAGARE_QUEUE_*} = the
 * queue URL, {@code NAGARE_BUS_*} = the bus name, {@code NAGARE_SAGA_*} = the state machine ARN) and Lambda's
 * reserved ones. Locally {@code AWS_ENDPOINT_URL} also points the function's SDK clients at the local runtime.
 */
final class FunctionVariables {

    static final String RUNTIME = "java21";

    private FunctionVariables() {
    }

    /** The variables the function's configuration shows: declared ones and resource ones. */
    static Map<String, String> configured(FunctionDeclaration function, Arns arns, String endpointUrl) {
        Map<String, String> variables = new TreeMap<>(function.environment());
        function.resourceVariables().forEach((name, reference) ->
                variables.put(name, identifier(reference, arns, endpointUrl)));
        return variables;
    }

    /** Every variable an execution environment sees: the configured ones and Lambda's reserved ones. */
    static Map<String, String> ofEnvironment(FunctionDeclaration function, Arns arns, String endpointUrl,
                                             String logGroupName, String logStreamName) {
        Map<String, String> variables = new TreeMap<>(configured(function, arns, endpointUrl));
        variables.put("_HANDLER", function.handler());
        variables.put("AWS_REGION", arns.region());
        variables.put("AWS_DEFAULT_REGION", arns.region());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + RUNTIME);
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", DeployedFunction.VERSION);
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", logGroupName);
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        variables.put("TZ", ":UTC");
        // Lambda gives the execution role's credentials; the local endpoint does not check signatures.
        variables.put("AWS_ACCESS_KEY_ID", "nagare-local");
        variables.put("AWS_SECRET_ACCESS_KEY", "nagare-local");
        variables.put("AWS_ENDPOINT_URL", endpointUrl);
        return variables;
    }

    /** The identifier the resource's AWS API takes (see {@link Reference}). */
    private static String identifier(Reference reference, Arns arns, String endpointUrl) {
        return switch (reference.kind()) {
            case TABLE, BUS -> reference.name();
            case QUEUE -> endpointUrl + "/" + arns.accountId() + "/" + reference.name();
            case SAGA -> arns.stateMachine(reference.name());
            case FUNCTION -> arns.function(reference.name());
        };
    }
}
