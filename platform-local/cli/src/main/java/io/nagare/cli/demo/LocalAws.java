package io.nagare.cli.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/** The AWS APIs of the local runtime the demo uses, through the AWS SDK as any client would. */
final class LocalAws implements AutoCloseable {

    static final String REGION = "ap-northeast-1";
    static final String ACCOUNT = "000000000000";

    private final LambdaClient lambda;
    private final SfnClient sfn;
    private final DynamoDbClient dynamoDb;

    LocalAws(URI endpoint) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("nagare-demo", "nagare-demo"));
        this.lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
        this.sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder().maxConnections(64)).build();
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** Invokes a function synchronously; fails with its error when it reports one. */
    String invoke(String function, String payload) {
        InvokeResponse response = lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
        String answer = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new IllegalStateException("function " + function + " failed: " + answer);
        }
        return answer;
    }

    /** The execution, or null when it does not exist (yet). */
    DescribeExecutionResponse execution(String stateMachine, String executionName) {
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + stateMachine + ":" + executionName;
        try {
            return sfn.describeExecution(r -> r.executionArn(arn));
        } catch (ExecutionDoesNotExistException e) {
            return null;
        }
    }

    /** Every item of the table, by the value of its partition key (a string). */
    Map<String, Map<String, AttributeValue>> scan(String table, String partitionKey) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            ScanResponse page = dynamoDb.scan(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue key = item.get(partitionKey);
                items.put(key == null ? "?" + items.size() : key.s(), item);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static List<String> strings(AttributeValue value) {
        if (value == null) {
            return List.of();
        }
        if (value.hasL()) {
            List<String> strings = new ArrayList<>();
            value.l().forEach(v -> strings.add(v.s()));
            return strings;
        }
        return value.hasSs() ? value.ss() : List.of();
    }

    @Override
    public void close() {
        lambda.close();
        sfn.close();
        dynamoDb.close();
    }
}
