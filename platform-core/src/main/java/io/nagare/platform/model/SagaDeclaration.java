package io.nagare.platform.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Step Functions state machine from an ASL file. The definition's {@code ${Name}} placeholders are its
 * substitutions: each names a declared function, table, queue, bus or saga, and becomes that resource's identifier
 * (see {@link Reference}) on AWS and locally alike. What the substitutions name is all the saga may use: the CDK app
 * derives its IAM policy from them (invoke the functions, send to the queues, put events on the buses, start the
 * sagas, and the declared access to each table).
 *
 * @param name          the state machine name
 * @param owner         the bounded context that owns it
 * @param definition    the ASL file, a classpath resource path such as
 *                      {@code sagas/order-fulfilment/order-fulfilment.asl.json}
 * @param type          STANDARD (the default) or EXPRESS
 * @param substitutions the placeholders of the definition and what each one names
 * @param tables        the access the saga needs to each table it names
 * @param publishes     detail-types it publishes itself (EventBridge PutEvents tasks), by bus
 */
public record SagaDeclaration(String name, String owner, String definition, Type type,
                              Map<String, Reference> substitutions, Map<String, TableAccess> tables,
                              Map<String, Set<String>> publishes) {

    static final String KIND = "saga";

    /** The state machine type. EXPRESS runs at most five minutes and cannot wait for task tokens. */
    public enum Type { STANDARD, EXPRESS }

    public SagaDeclaration {
        Declarations.requireName(KIND, name);
        Declarations.require(KIND, name, "owner", owner);
        Declarations.require(KIND, name, "definition", definition);
        Declarations.require(KIND, name, "type", type);
        substitutions = Collections.unmodifiableMap(new TreeMap<>(substitutions));
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        TreeMap<String, Set<String>> published = new TreeMap<>();
        publishes.forEach((bus, types) -> published.put(bus, Collections.unmodifiableSet(new TreeSet<>(types))));
        publishes = Collections.unmodifiableMap(published);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name).owner(owner).definition(definition).type(type);
        builder.substitutions.putAll(substitutions);
        builder.tables.putAll(tables);
        publishes.forEach((bus, types) -> builder.publishes.put(bus, new TreeSet<>(types)));
        return builder;
    }

    public Reference reference() {
        return Reference.saga(name);
    }

    /** Every detail-type it publishes, on any bus. */
    public Set<String> publishedDetailTypes() {
        Set<String> types = new TreeSet<>();
        publishes.values().forEach(types::addAll);
        return types;
    }

    /** Builds a {@link SagaDeclaration}; see the record for each field's default. */
    public static final class Builder {
        private final String name;
        private String owner;
        private String definition;
        private Type type = Type.STANDARD;
        private final Map<String, Reference> substitutions = new TreeMap<>();
        private final Map<String, TableAccess> tables = new TreeMap<>();
        private final Map<String, Set<String>> publishes = new TreeMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder definition(String resourcePath) {
            this.definition = resourcePath;
            return this;
        }

        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        /** {@code ${placeholder}} becomes the ARN of function {@code function}. */
        public Builder function(String placeholder, String function) {
            return substitution(placeholder, Reference.function(function));
        }

        /** {@code ${placeholder}} becomes the name of table {@code table}, which the saga uses with {@code access}. */
        public Builder table(String placeholder, String table, TableAccess access) {
            tables.merge(table, access, TableAccess::and);
            return substitution(placeholder, Reference.table(table));
        }

        /** {@code ${placeholder}} becomes the URL of queue {@code queue}. */
        public Builder queue(String placeholder, String queue) {
            return substitution(placeholder, Reference.queue(queue));
        }

        /** {@code ${placeholder}} becomes the name of bus {@code bus}. */
        public Builder bus(String placeholder, String bus) {
            return substitution(placeholder, Reference.bus(bus));
        }

        /** {@code ${placeholder}} becomes the ARN of saga {@code saga}. */
        public Builder saga(String placeholder, String saga) {
            return substitution(placeholder, Reference.saga(saga));
        }

        private Builder substitution(String placeholder, Reference reference) {
            substitutions.put(placeholder, reference);
            return this;
        }

        public Builder publishes(String bus, String... detailTypes) {
            publishes.computeIfAbsent(bus, b -> new TreeSet<>()).addAll(List.of(detailTypes));
            return this;
        }

        public SagaDeclaration build() {
            return new SagaDeclaration(name, owner, definition, type, substitutions, tables, publishes);
        }
    }
}
