package io.nagare.local.dynamodb;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.h2.mvstore.MVMap;

/** GetRecords: up to Limit (1000) records from an iterator's position, and the iterator after them. */
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
        long next = Long.parseLong(iterator[2]);
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
            out.put("NextShardIterator", Streams.iterator(iterator[0], iterator[1], next));
        }
        return out;
    }
}
