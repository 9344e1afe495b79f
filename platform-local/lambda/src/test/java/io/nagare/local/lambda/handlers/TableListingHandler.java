package io.nagare.local.lambda.handlers;

import java.util.Map;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import io.nagare.platform.aws.AwsClients;
import io.nagare.platform.function.FunctionEnvironment;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Says which HTTP client its SDK clients get and, when asked, lists the tables through a client built as handlers do. */
public class TableListingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final AwsClients clients = AwsClients.create();
    private final DynamoDbClient dynamoDb = clients.dynamoDb();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> answer = new TreeMap<>();
        answer.put("httpClient", FunctionEnvironment.current().httpClient().map(SdkHttpClient::clientName)
                .orElse("own"));
        if (Boolean.TRUE.equals(input.get("list"))) {
            answer.put("tables", dynamoDb.listTables().tableNames());
        }
        return answer;
    }
}
