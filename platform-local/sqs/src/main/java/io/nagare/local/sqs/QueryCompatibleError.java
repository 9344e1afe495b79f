package io.nagare.local.sqs;

import java.util.Map;

import io.nagare.local.runtime.LocalResponse;

/**
 * The {@code x-amzn-query-error} header of a JSON-protocol error, as SQS sends it: {@code <query code>;Sender} (or
 * {@code ;Receiver} for a server fault). SQS is "query compatible": SDKs that speak JSON to it report the error code
 * of the older query protocol from this header, e.g. {@code AWS.SimpleQueueService.NonExistentQueue} for
 * {@code QueueDoesNotExist}. ElasticMQ 1.7.1 puts its JSON {@code __type} there instead, which SDKs cannot parse; only
 * the header is corrected, the body stays ElasticMQ's.
 */
final class QueryCompatibleError {

    private static final String HEADER = "X-Amzn-Query-Error";
    private static final String TYPE_PREFIX = "com.amazonaws.sqs#";

    /** Query codes that differ from the JSON type name, from the SQS service model. */
    private static final Map<String, String> QUERY_CODES = Map.ofEntries(
            Map.entry("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
            Map.entry("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong"),
            Map.entry("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest"),
            Map.entry("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"),
            Map.entry("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight"),
            Map.entry("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress"),
            Map.entry("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently"),
            Map.entry("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"),
            Map.entry("QueueNameExists", "QueueAlreadyExists"),
            Map.entry("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
            Map.entry("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation"));

    private QueryCompatibleError() {
    }

    static LocalResponse correct(LocalResponse response) {
        String type = response.headers().get(HEADER);
        if (type == null || type.contains(";")) {
            return response;
        }
        String name = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        String fault = response.status() >= 500 ? "Receiver" : "Sender";
        return response.withHeader(HEADER, QUERY_CODES.getOrDefault(name, name) + ";" + fault);
    }
}
