package io.nagare.local.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything DynamoDB knows about a table except its items, kept durable as JSON. Immutable: a change (UpdateTable,
 * TTL, tags, ...) stores a new definition.
 *
 * @param id              internal, unique for the life of the data directory: names the table's maps
 * @param attributeTypes  AttributeDefinitions, name to S/N/B
 * @param streamViewType  null when no stream is enabled
 * @param streamLabel     the label of the latest stream (kept after the stream is disabled, as DynamoDB does)
 * @param ttlAttribute    null when TTL is disabled
 */
record TableDefinition(String name, long id, long createdMillis, KeySchema key, Map<String, String> attributeTypes,
                       List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes, String billingMode,
                       long readCapacity, long writeCapacity, String streamViewType, String streamLabel,
                       boolean sseEnabled, boolean deletionProtection, String ttlAttribute,
                       boolean pointInTimeRecovery, Map<String, String> tags, String tableClass) {

    TableDefinition {
        attributeTypes = Map.copyOf(attributeTypes);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    Optional<IndexDefinition> index(String indexName) {
        for (IndexDefinition index : globalIndexes) {
            if (index.name().equals(indexName)) {
                return Optional.of(index);
            }
        }
        for (IndexDefinition index : localIndexes) {
            if (index.name().equals(indexName)) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    List<IndexDefinition> allIndexes() {
        return java.util.stream.Stream.concat(globalIndexes.stream(), localIndexes.stream()).toList();
    }

    boolean streamEnabled() {
        return streamViewType != null;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a definition with some parts changed. */
    static final class Builder {
        private String name;
        private long id;
        private long createdMillis;
        private KeySchema key;
        private Map<String, String> attributeTypes;
        private List<IndexDefinition> globalIndexes;
        private List<IndexDefinition> localIndexes;
        private String billingMode;
        private long readCapacity;
        private long writeCapacity;
        private String streamViewType;
        private String streamLabel;
        private boolean sseEnabled;
        private boolean deletionProtection;
        private String ttlAttribute;
        private boolean pointInTimeRecovery;
        private Map<String, String> tags;
        private String tableClass;

        private Builder(TableDefinition d) {
            name = d.name;
            id = d.id;
            createdMillis = d.createdMillis;
            key = d.key;
            attributeTypes = d.attributeTypes;
            globalIndexes = d.globalIndexes;
            localIndexes = d.localIndexes;
            billingMode = d.billingMode;
            readCapacity = d.readCapacity;
            writeCapacity = d.writeCapacity;
            streamViewType = d.streamViewType;
            streamLabel = d.streamLabel;
            sseEnabled = d.sseEnabled;
            deletionProtection = d.deletionProtection;
            ttlAttribute = d.ttlAttribute;
            pointInTimeRecovery = d.pointInTimeRecovery;
            tags = d.tags;
            tableClass = d.tableClass;
        }

        Builder attributeTypes(Map<String, String> value) {
            attributeTypes = value;
            return this;
        }

        Builder globalIndexes(List<IndexDefinition> value) {
            globalIndexes = value;
            return this;
        }

        Builder billing(String mode, long read, long write) {
            billingMode = mode;
            readCapacity = read;
            writeCapacity = write;
            return this;
        }

        Builder stream(String viewType, String label) {
            streamViewType = viewType;
            streamLabel = label;
            return this;
        }

        Builder deletionProtection(boolean value) {
            deletionProtection = value;
            return this;
        }

        Builder ttlAttribute(String value) {
            ttlAttribute = value;
            return this;
        }

        Builder pointInTimeRecovery(boolean value) {
            pointInTimeRecovery = value;
            return this;
        }

        Builder tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        Builder tableClass(String value) {
            tableClass = value;
            return this;
        }

        TableDefinition build() {
            return new TableDefinition(name, id, createdMillis, key, attributeTypes, globalIndexes, localIndexes,
                    billingMode, readCapacity, writeCapacity, streamViewType, streamLabel, sseEnabled,
                    deletionProtection, ttlAttribute, pointInTimeRecovery, tags, tableClass);
        }
    }
}
