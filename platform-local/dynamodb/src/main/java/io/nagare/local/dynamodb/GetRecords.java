package io.nagare.local.dynamodb;

import java.time.Instant;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nagare.local.runtime.AwsServiceException;
import org.h2.mvstore.MVMap;

/**
 * GetRecords: up to Limit (1000) records from an iterator's position, and the iterator after them. An iterator older
 * than 15 minutes on the runtime's clock fails with ExpiredIteratorException; one pointing at trimmed records with
 * TrimmedDataAccessException.
 */
final class GetRecords implements Operation {

    private final Database database;
    private final StreamLog log;

    GetRecords(Database database, StreamLog log) {
        this.database = database;
        this.log = log;
    }

    @Override
    public JsonNode invoke(ObjectNode input) {
        String[] iterator = Streams.parseIterator(String.valueOf(Requests.text(input, "ShardIterator")));
        int limit = Requests.has(input, "Limit") ? Math.min(1000, Math.max(1, input.get("Limit").asInt())) : 1000;
        TableDefinition definition = Streams.table(database, iterator[0]).definition();
        MVMap<Long, byte[]> records = log.records(definition.id(), definition.streamLabel());
        log.trim(records);
        Instant now = database.runtime().clock().now();
        Instant issued = Instant.ofEpochMilli(Long.parseLong(iterator[3]));
        if (now.isAfter(issued.plus(Streams.ITERATOR_LIFETIME))) {
            throw new AwsServiceException("ExpiredIteratorException", "Shard iterator has expired: it was issued at "
                    + issued + ", and iterators are valid for 15 minutes (now " + now + ")");
        }
        long next = Long.parseLong(iterator[2]);
        StreamLog.checkNotTrimmed(records, next);
        ObjectNode out = Database.NODES.objectNode();
        ArrayNode page = out.putArray("Records");
        Iterator<Long> keys = records.keyIterator(next);
        while (keys.hasNext() && page.size() < limit) {
            long sequence = keys.next();
            page.add(StreamLog.read(records.get(sequence)));
            next = sequence + 1;
        }
        Long last = records.lastKey();
        boolean exhausted = last == null || next > last;
        if (definition.streamEnabled() || !exhausted) {
            out.put("NextShardIterator", Streams.iterator(iterator[0], iterator[1], next, now));
        }
        return out;
    }
}
