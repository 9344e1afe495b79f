package io.nagare.local.dynamodb;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsJsonService;
import io.nagare.local.runtime.AwsServiceException;

/** The DynamoDB Streams API ({@code X-Amz-Target: DynamoDBStreams_20120810.<Operation>}) over the tables' logs. */
final class DynamoDbStreamsService extends AwsJsonService {

    private final Map<String, Operation> operations;

    DynamoDbStreamsService(Database database, StreamLog log) {
        super("DynamoDBStreams_20120810", "1.0", DynamoDbService.ERROR_PREFIX);
        this.operations = Map.of(
                "ListStreams", new ListStreams(database),
                "DescribeStream", new DescribeStream(database, log),
                "GetShardIterator", new GetShardIterator(database, log),
                "GetRecords", new GetRecords(database, log));
    }

    @Override
    public String name() {
        return "dynamodb-streams";
    }

    @Override
    protected JsonNode invoke(String operation, ObjectNode input) {
        Operation handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException",
                    "not supported: DynamoDB Streams operation " + operation);
        }
        return handler.invoke(input);
    }
}
