package io.nagare.api.events;

import java.time.Clock;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.nagare.api.PlatformApiDeclarations;
import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.idempotency.DynamoDbIdempotencyStore;
import io.nagare.platform.model.Reference;
import io.nagare.schemas.EventValidator;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** {@code partner-events}: the API Gateway HTTP API (payload 2.0) handler of {@code POST /v1/events}. */
public final class PartnerEventsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final PartnerEventsApi api;

    public PartnerEventsHandler() {
        this(AwsClients.create(), Clock.systemUTC());
    }

    private PartnerEventsHandler(AwsClients clients, Clock clock) {
        this(clients.dynamoDb(), clients.eventBridge(), clients.environment(), SchemaRegistry.fromClasspath(), clock);
    }

    /** For tests: the clients, the environment naming the tables and the bus, the registry and the clock. */
    public PartnerEventsHandler(DynamoDbClient dynamoDb, EventBridgeClient eventBridge, FunctionEnvironment environment,
                                SchemaRegistry registry, Clock clock) {
        this.api = new PartnerEventsApi(
                new PartnersTable(dynamoDb, table(environment, PlatformApiDeclarations.PARTNERS_TABLE)),
                new PartnerRateLimiter(dynamoDb, table(environment, PlatformApiDeclarations.RATE_LIMITS_TABLE), clock),
                new PartnerEventPublisher(eventBridge, new DynamoDbIdempotencyStore(dynamoDb,
                        table(environment, PlatformApiDeclarations.DEDUP_TABLE)), clock),
                new EventValidator(registry),
                environment.require(Reference.bus(PlatformApiDeclarations.BUS).environmentVariable()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event);
    }

    private static String table(FunctionEnvironment environment, String name) {
        return environment.require(Reference.table(name).environmentVariable());
    }
}
