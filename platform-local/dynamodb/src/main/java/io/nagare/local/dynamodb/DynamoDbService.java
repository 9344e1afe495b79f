package io.nagare.local.dynamodb;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsJsonService;
import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.RuntimeContext;

/** The DynamoDB API ({@code X-Amz-Target: DynamoDB_20120810.<Operation>}) over the durable table catalog. */
final class DynamoDbService extends AwsJsonService {

    static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final Database database;
    private final StreamLog streamLog;
    private final TimeToLive timeToLive;
    private final Map<String, Operation> operations = new HashMap<>();

    DynamoDbService(RuntimeContext context) {
        this(context, ItemCollections.DYNAMODB_LIMIT_BYTES);
    }

    /** @param itemCollectionLimitBytes the item collection size limit (10 GB; tests pass a smaller one) */
    DynamoDbService(RuntimeContext context, long itemCollectionLimitBytes) {
        super("DynamoDB_20120810", "1.0", ERROR_PREFIX);
        TableCatalog catalog = new TableCatalog(context.store("dynamodb"),
                context.dataDirectory().map(directory -> directory.resolve("dynamodb-log")).orElse(null));
        ItemLocks locks = new ItemLocks();
        this.database = new Database(catalog, new ItemWrites(locks, catalog.durability(),
                new ItemCollections(itemCollectionLimitBytes)), context);
        this.streamLog = new StreamLog(catalog, database);
        this.timeToLive = new TimeToLive(catalog, locks, context.clock());
        catalog.addListener(streamLog);
        catalog.addListener(timeToLive);
        catalog.recover();
        register("CreateTable", CreateTable::new);
        register("DescribeTable", DescribeTable::new);
        register("ListTables", ListTables::new);
        register("DeleteTable", DeleteTable::new);
        register("PutItem", PutItem::new);
        register("GetItem", GetItem::new);
        register("UpdateItem", UpdateItem::new);
        register("DeleteItem", DeleteItem::new);
        register("Query", Query::new);
        register("Scan", Scan::new);
        register("BatchGetItem", BatchGetItem::new);
        register("BatchWriteItem", BatchWriteItem::new);
        register("TransactWriteItems", TransactWriteItems::new);
        register("TransactGetItems", TransactGetItems::new);
        register("UpdateTable", UpdateTable::new);
        register("UpdateTimeToLive", db -> new UpdateTimeToLive(db, timeToLive));
        register("DescribeTimeToLive", DescribeTimeToLive::new);
        register("UpdateContinuousBackups", UpdateContinuousBackups::new);
        register("DescribeContinuousBackups", DescribeContinuousBackups::new);
        register("TagResource", TagResource::new);
        register("UntagResource", UntagResource::new);
        register("ListTagsOfResource", ListTagsOfResource::new);
        timeToLive.start();
    }

    private void register(String name, Function<Database, Operation> operation) {
        operations.put(name, operation.apply(database));
    }

    Database database() {
        return database;
    }

    StreamLog streamLog() {
        return streamLog;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public void close() {
        timeToLive.stop();
        database.catalog().close();
    }

    @Override
    protected JsonNode invoke(String operation, ObjectNode input) {
        Operation handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException",
                    "not supported: DynamoDB operation " + operation);
        }
        return handler.invoke(input);
    }

    @Override
    protected LocalResponse error(AwsServiceException e) {
        if (!(e instanceof DynamoDbException dynamo) || dynamo.extra() == null || dynamo.extra().isEmpty()) {
            return super.error(e);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", ERROR_PREFIX + "#" + e.errorCode());
        body.put("message", e.getMessage());
        body.setAll(dynamo.extra());
        try {
            return LocalResponse.of(e.httpStatus(), CONTENT_TYPE, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
