package io.nagare.api.status;

import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.schemas.SchemaJson;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code process-status}: the API Gateway HTTP API (payload 2.0) handler of {@code GET /v1/processes}. It reports the
 * sagas its declaration may read: one {@code NAGARE_SAGA_*} variable (the state machine ARN) each.
 */
public final class ProcessStatusHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final String SAGA_VARIABLE_PREFIX = "NAGARE_SAGA_";

    private final ProcessStatusApi api;

    public ProcessStatusHandler() {
        this(AwsClients.create());
    }

    private ProcessStatusHandler(AwsClients clients) {
        this(clients.build(SfnClient.builder()), clients.environment());
    }

    /** For tests: the client and the environment naming the state machines. */
    public ProcessStatusHandler(SfnClient sfn, FunctionEnvironment environment) {
        this.api = new ProcessStatusApi(sfn, stateMachines(environment), SchemaJson.mapper());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event);
    }

    /** Saga name (the state machine's name in its ARN) → state machine ARN. */
    private static Map<String, String> stateMachines(FunctionEnvironment environment) {
        Map<String, String> machines = new TreeMap<>();
        environment.variables().forEach((name, arn) -> {
            if (name.startsWith(SAGA_VARIABLE_PREFIX)) {
                machines.put(arn.substring(arn.lastIndexOf(':') + 1), arn);
            }
        });
        return machines;
    }
}
