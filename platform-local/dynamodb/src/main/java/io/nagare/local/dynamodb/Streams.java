package io.nagare.local.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;

/** Finds a table's stream by ARN, and names its single shard. */
final class Streams {

    /** How long DynamoDB Streams accepts a shard iterator. */
    static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);

    private Streams() {
    }

    /** The table whose latest stream is {@code arn}. */
    static Table table(Database database, String arn) {
        String marker = "/stream/";
        String tablePrefix = database.tableArn("");
        int at = arn == null ? -1 : arn.indexOf(marker);
        if (at < 0 || !arn.startsWith(tablePrefix)) {
            throw notFound(arn);
        }
        String name = arn.substring(tablePrefix.length(), at);
        String label = arn.substring(at + marker.length());
        Table table = database.catalog().find(name).orElseThrow(() -> notFound(arn));
        if (!label.equals(table.definition().streamLabel())) {
            throw notFound(arn);
        }
        return table;
    }

    static String arn(Database database, TableDefinition definition) {
        return TableDescriptions.streamArn(database, definition.name(), definition.streamLabel());
    }

    static String shardId(TableDefinition definition) {
        return "shardId-" + String.format("%020d", definition.createdMillis()) + "-"
                + String.format("%08x", (definition.id() + "/" + definition.streamLabel()).hashCode());
    }

    /** An opaque iterator: the stream, the shard, the next sequence to read, and when it was issued. */
    static String iterator(String arn, String shardId, long nextSequence, Instant issued) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (arn + "|" + shardId + "|" + nextSequence + "|" + issued.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of an iterator: arn, shard id, next sequence, issued (epoch millis). */
    static String[] parseIterator(String iterator) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 4) {
                Long.parseLong(parts[2]);
                Long.parseLong(parts[3]);
                return parts;
            }
        } catch (IllegalArgumentException ignored) {
            // Falls through to DynamoDB's answer for an iterator it did not issue.
        }
        throw DynamoDbErrors.validation("Invalid ShardIterator");
    }

    static RuntimeException notFound(String arn) {
        return DynamoDbErrors.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }
}
