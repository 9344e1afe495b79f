package io.nagare.platform.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A DynamoDB table, deployed as a global table.
 *
 * @param name          the table name
 * @param owner         the bounded context that owns it
 * @param partitionKey  the partition (hash) key
 * @param sortKey       the sort (range) key; null for a simple primary key
 * @param globalIndexes global secondary indexes (at most 20)
 * @param localIndexes  local secondary indexes (at most 5; they share the table's partition key and need a sort key
 *                      on the table)
 * @param ttlAttribute  the attribute holding the expiry time (epoch seconds); null for none
 * @param stream        the stream view type; null for no stream (the CDK app may still turn streams on for replicas)
 * @param replicaRegions regions holding a replica besides the stack's own
 * @param billing       on-demand (the default) or provisioned capacity
 */
public record TableDeclaration(String name, String owner, Key partitionKey, Key sortKey, List<Index> globalIndexes,
                               List<Index> localIndexes, String ttlAttribute, StreamViewType stream,
                               Set<String> replicaRegions, Billing billing) {

    static final String KIND = "table";

    /** The type of a key attribute: string, number or binary. */
    public enum AttributeType { S, N, B }

    /** What a table's stream records carry. */
    public enum StreamViewType { KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES }

    /** A key attribute. */
    public record Key(String name, AttributeType type) {
        public Key {
            Objects.requireNonNull(type, "type");
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a key attribute needs a name");
            }
        }

        public static Key of(String name, AttributeType type) {
            return new Key(name, type);
        }
    }

    /**
     * What a secondary index holds besides the keys.
     *
     * @param type             ALL, KEYS_ONLY or INCLUDE
     * @param nonKeyAttributes for INCLUDE: the attributes copied into the index
     */
    public record Projection(ProjectionType type, Set<String> nonKeyAttributes) {

        /** The projection types of DynamoDB. */
        public enum ProjectionType { ALL, KEYS_ONLY, INCLUDE }

        public Projection {
            Objects.requireNonNull(type, "type");
            nonKeyAttributes = Collections.unmodifiableSet(new TreeSet<>(nonKeyAttributes));
        }

        public static Projection all() {
            return new Projection(ProjectionType.ALL, Set.of());
        }

        public static Projection keysOnly() {
            return new Projection(ProjectionType.KEYS_ONLY, Set.of());
        }

        public static Projection include(String... attributes) {
            return new Projection(ProjectionType.INCLUDE, Set.of(attributes));
        }
    }

    /**
     * A secondary index. A local index's partition key is the table's.
     *
     * @param name         the index name
     * @param partitionKey the partition key (for a local index, the table's)
     * @param sortKey      the sort key; null for none (a local index needs one)
     * @param projection   what it holds (default ALL)
     */
    public record Index(String name, Key partitionKey, Key sortKey, Projection projection) {
        public Index {
            Objects.requireNonNull(projection, "projection");
        }
    }

    /**
     * How the table pays for capacity.
     *
     * @param mode                PAY_PER_REQUEST or PROVISIONED
     * @param readCapacityUnits   for PROVISIONED, at least 1; else 0
     * @param writeCapacityUnits  for PROVISIONED, at least 1; else 0
     */
    public record Billing(Mode mode, int readCapacityUnits, int writeCapacityUnits) {

        /** DynamoDB's billing modes. */
        public enum Mode { PAY_PER_REQUEST, PROVISIONED }

        public static Billing onDemand() {
            return new Billing(Mode.PAY_PER_REQUEST, 0, 0);
        }

        public static Billing provisioned(int readCapacityUnits, int writeCapacityUnits) {
            return new Billing(Mode.PROVISIONED, readCapacityUnits, writeCapacityUnits);
        }
    }

    public TableDeclaration {
        Declarations.requireName(KIND, name);
        Declarations.require(KIND, name, "owner", owner);
        Declarations.require(KIND, name, "partitionKey", partitionKey);
        Declarations.require(KIND, name, "billing", billing);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
        replicaRegions = Collections.unmodifiableSet(new TreeSet<>(replicaRegions));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name).owner(owner).partitionKey(partitionKey).sortKey(sortKey)
                .ttlAttribute(ttlAttribute).stream(stream).billing(billing);
        builder.globalIndexes.addAll(globalIndexes);
        builder.localIndexes.addAll(localIndexes);
        builder.replicaRegions.addAll(replicaRegions);
        return builder;
    }

    public Reference reference() {
        return Reference.table(name);
    }

    /** Builds a {@link TableDeclaration}; see the record for each field's default. */
    public static final class Builder {
        private final String name;
        private String owner;
        private Key partitionKey;
        private Key sortKey;
        private final List<Index> globalIndexes = new ArrayList<>();
        private final List<Index> localIndexes = new ArrayList<>();
        private String ttlAttribute;
        private StreamViewType stream;
        private final Set<String> replicaRegions = new LinkedHashSet<>();
        private Billing billing = Billing.onDemand();

        private Builder(String name) {
            this.name = name;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder partitionKey(Key key) {
            this.partitionKey = key;
            return this;
        }

        public Builder partitionKey(String attribute, AttributeType type) {
            return partitionKey(Key.of(attribute, type));
        }

        public Builder sortKey(Key key) {
            this.sortKey = key;
            return this;
        }

        public Builder sortKey(String attribute, AttributeType type) {
            return sortKey(Key.of(attribute, type));
        }

        /** A global index projecting every attribute. */
        public Builder globalIndex(String indexName, Key indexPartitionKey, Key indexSortKey) {
            return globalIndex(indexName, indexPartitionKey, indexSortKey, Projection.all());
        }

        public Builder globalIndex(String indexName, Key indexPartitionKey, Key indexSortKey, Projection projection) {
            globalIndexes.add(new Index(indexName, indexPartitionKey, indexSortKey, projection));
            return this;
        }

        /** A local index on the table's partition key, projecting every attribute. */
        public Builder localIndex(String indexName, Key indexSortKey) {
            return localIndex(indexName, indexSortKey, Projection.all());
        }

        public Builder localIndex(String indexName, Key indexSortKey, Projection projection) {
            localIndexes.add(new Index(indexName, null, indexSortKey, projection));
            return this;
        }

        public Builder ttlAttribute(String attribute) {
            this.ttlAttribute = attribute;
            return this;
        }

        public Builder stream(StreamViewType viewType) {
            this.stream = viewType;
            return this;
        }

        public Builder replicaRegions(String... regions) {
            replicaRegions.addAll(List.of(regions));
            return this;
        }

        public Builder billing(Billing billing) {
            this.billing = billing;
            return this;
        }

        public TableDeclaration build() {
            // A local index always shares the table's partition key, whatever the order of the builder calls.
            List<Index> local = localIndexes.stream()
                    .map(index -> new Index(index.name(), partitionKey, index.sortKey(), index.projection()))
                    .toList();
            return new TableDeclaration(name, owner, partitionKey, sortKey, globalIndexes, local, ttlAttribute,
                    stream, replicaRegions, billing);
        }
    }
}
