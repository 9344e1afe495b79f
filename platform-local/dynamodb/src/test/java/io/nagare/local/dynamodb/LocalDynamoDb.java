package io.nagare.local.dynamodb;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.local.runtime.ManualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A local runtime serving DynamoDB on a free port, with a manual clock and an SDK client pointed at it. */
final class LocalDynamoDb implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock;
    final LocalRuntime runtime;
    final DynamoDbClient client;

    private LocalDynamoDb(Path dataDirectory, ManualClock clock) {
        this(dataDirectory, clock, new DynamoDbServiceFactory());
    }

    private LocalDynamoDb(Path dataDirectory, ManualClock clock, LocalServiceFactory dynamoDb) {
        this.clock = clock;
        LocalRuntime.Builder builder = LocalRuntime.builder().port(0).clock(clock).discoverServices(false)
                .service(dynamoDb).service(new DynamoDbStreamsServiceFactory());
        if (dataDirectory != null) {
            builder.dataDirectory(dataDirectory);
        }
        this.runtime = builder.start();
        this.client = client(runtime.endpointUrl());
    }

    static LocalDynamoDb inMemory() {
        return new LocalDynamoDb(null, new ManualClock(START));
    }

    /** In memory, with item collections limited to {@code bytes} instead of DynamoDB's 10 GB. */
    static LocalDynamoDb withItemCollectionLimit(long bytes) {
        return new LocalDynamoDb(null, new ManualClock(START), new LocalServiceFactory() {
            @Override
            public int order() {
                return 10;
            }

            @Override
            public LocalService create(RuntimeContext context) {
                return new DynamoDbService(context, bytes);
            }
        });
    }

    static LocalDynamoDb on(Path dataDirectory) {
        return new LocalDynamoDb(dataDirectory, new ManualClock(START));
    }

    static LocalDynamoDb on(Path dataDirectory, ManualClock clock) {
        return new LocalDynamoDb(dataDirectory, clock);
    }

    DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(runtime.endpointUrl()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A pay-per-request table keyed by {@code pk} (S) and, when given, {@code sortName} of {@code sortType}. */
    void createTable(String name, String sortName, ScalarAttributeType sortType) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortName == null) {
                b.attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
            } else {
                b.attributeDefinitions(
                                AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
                                AttributeDefinition.builder().attributeName(sortName).attributeType(sortType).build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(sortName).keyType(KeyType.RANGE).build());
            }
        });
    }

    @Override
    public void close() {
        client.close();
        runtime.close();
    }
}
