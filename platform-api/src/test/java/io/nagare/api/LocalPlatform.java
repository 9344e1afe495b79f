package io.nagare.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nagare.local.dynamodb.DynamoDbServiceFactory;
import io.nagare.local.eventbridge.EventBridgeServiceFactory;
import io.nagare.local.runtime.LocalClock;
import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.sqs.SqsServiceFactory;
import io.nagare.local.stepfunctions.StepFunctionsServiceFactory;
import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.Reference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A local runtime (DynamoDB, EventBridge, SQS, Step Functions) on a free port with the platform API's tables and bus,
 * a rule copying every event of the bus to a queue, and SDK clients for it.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String REGION = "ap-northeast-1";

    public final LocalRuntime runtime;
    public final DynamoDbClient dynamoDb;
    public final EventBridgeClient eventBridge;
    public final SqsClient sqs;
    public final SfnClient sfn;
    public final String busQueueUrl;

    private LocalPlatform(LocalRuntime runtime) {
        this.runtime = runtime;
        URI endpoint = URI.create(runtime.endpointUrl());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.eventBridge = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        this.sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        createTable(PlatformApiDeclarations.PARTNERS_TABLE, "clientId");
        createTable(PlatformApiDeclarations.DEDUP_TABLE, "id");
        createTable(PlatformApiDeclarations.RATE_LIMITS_TABLE, "id");
        eventBridge.createEventBus(b -> b.name(PlatformApiDeclarations.BUS));
        busQueueUrl = sqs.createQueue(b -> b.queueName("bus-copy")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(busQueueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        eventBridge.putRule(b -> b.name("everything").eventBusName(PlatformApiDeclarations.BUS)
                .eventPattern("{\"source\": [{\"prefix\": \"\"}]}"));
        eventBridge.putTargets(b -> b.rule("everything").eventBusName(PlatformApiDeclarations.BUS)
                .targets(t -> t.id("copy").arn(queueArn)));
    }

    /** The services above, on a free port, on this clock (null: the wall clock). */
    public static LocalPlatform start(LocalClock clock) {
        LocalRuntime.Builder builder = LocalRuntime.builder().port(0).discoverServices(false)
                .service(new DynamoDbServiceFactory())
                .service(new SqsServiceFactory())
                .service(new EventBridgeServiceFactory())
                .service(new StepFunctionsServiceFactory().withInlineExecution().withExecutionStatusEvents(false));
        if (clock != null) {
            builder.clock(clock);
        }
        return new LocalPlatform(builder.start());
    }

    /** The environment the partner-events function gets from its declaration. */
    public static FunctionEnvironment partnerEventsEnvironment() {
        return FunctionEnvironment.of(Map.of(
                Reference.table(PlatformApiDeclarations.PARTNERS_TABLE).environmentVariable(),
                PlatformApiDeclarations.PARTNERS_TABLE,
                Reference.table(PlatformApiDeclarations.DEDUP_TABLE).environmentVariable(),
                PlatformApiDeclarations.DEDUP_TABLE,
                Reference.table(PlatformApiDeclarations.RATE_LIMITS_TABLE).environmentVariable(),
                PlatformApiDeclarations.RATE_LIMITS_TABLE,
                Reference.bus(PlatformApiDeclarations.BUS).environmentVariable(), PlatformApiDeclarations.BUS));
    }

    /** Every message the bus copy queue receives until it has {@code count} or a receive comes back empty. */
    public List<Message> busMessages(int count) {
        List<Message> messages = new ArrayList<>();
        while (messages.size() < count) {
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(busQueueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(5)).messages();
            if (received.isEmpty()) {
                break;
            }
            messages.addAll(received);
            received.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(busQueueUrl).receiptHandle(m.receiptHandle())));
        }
        return messages;
    }

    private void createTable(String name, String key) {
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(key)
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build()));
    }

    @Override
    public void close() {
        dynamoDb.close();
        eventBridge.close();
        sqs.close();
        sfn.close();
        runtime.close();
    }
}
