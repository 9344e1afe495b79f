package io.nagare.platform.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything the platform runs: the functions, subscriptions, sagas, tables, queues, buses and API routes every
 * domain and saga module declares, in one immutable value. The CDK app turns it into AWS resources, the local
 * runtime into local wiring, the catalog into documentation; {@link ModelValidator} checks it.
 *
 * <p>Each list is sorted by name (routes by path, then method), so whatever the order of discovery, the model and
 * everything generated from it are the same. A model may hold invalid declarations (two functions of one name, a
 * reference to nothing): queries answer from what is declared, and {@link ModelValidator} reports the problems.
 */
public final class PlatformModel {

    private final List<FunctionDeclaration> functions;
    private final List<SubscriptionDeclaration> subscriptions;
    private final List<SagaDeclaration> sagas;
    private final List<TableDeclaration> tables;
    private final List<QueueDeclaration> queues;
    private final List<EventBusDeclaration> buses;
    private final List<ApiRouteDeclaration> routes;

    private PlatformModel(Builder builder) {
        functions = sorted(builder.functions, FunctionDeclaration::name);
        subscriptions = sorted(builder.subscriptions, SubscriptionDeclaration::name);
        sagas = sorted(builder.sagas, SagaDeclaration::name);
        tables = sorted(builder.tables, TableDeclaration::name);
        queues = sorted(builder.queues, QueueDeclaration::name);
        buses = sorted(builder.buses, EventBusDeclaration::name);
        routes = builder.routes.stream()
                .sorted(Comparator.comparing(ApiRouteDeclaration::path).thenComparing(ApiRouteDeclaration::method))
                .toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The model of every {@link PlatformDeclarations} on the thread's context class path. */
    public static PlatformModel discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** The model of every {@link PlatformDeclarations} that {@code classLoader} lists as a service. */
    public static PlatformModel discover(ClassLoader classLoader) {
        Builder builder = builder();
        ServiceLoader.load(PlatformDeclarations.class, classLoader).forEach(builder::declare);
        return builder.build();
    }

    /** The model of the given contributions, for tests and tools that do not scan the classpath. */
    public static PlatformModel of(PlatformDeclarations... contributions) {
        Builder builder = builder();
        for (PlatformDeclarations contribution : contributions) {
            builder.declare(contribution);
        }
        return builder.build();
    }

    public List<FunctionDeclaration> functions() {
        return functions;
    }

    public List<SubscriptionDeclaration> subscriptions() {
        return subscriptions;
    }

    public List<SagaDeclaration> sagas() {
        return sagas;
    }

    public List<TableDeclaration> tables() {
        return tables;
    }

    public List<QueueDeclaration> queues() {
        return queues;
    }

    public List<EventBusDeclaration> buses() {
        return buses;
    }

    public List<ApiRouteDeclaration> routes() {
        return routes;
    }

    public Optional<FunctionDeclaration> function(String name) {
        return find(functions, FunctionDeclaration::name, name);
    }

    public Optional<SubscriptionDeclaration> subscription(String name) {
        return find(subscriptions, SubscriptionDeclaration::name, name);
    }

    public Optional<SagaDeclaration> saga(String name) {
        return find(sagas, SagaDeclaration::name, name);
    }

    public Optional<TableDeclaration> table(String name) {
        return find(tables, TableDeclaration::name, name);
    }

    public Optional<QueueDeclaration> queue(String name) {
        return find(queues, QueueDeclaration::name, name);
    }

    public Optional<EventBusDeclaration> bus(String name) {
        return find(buses, EventBusDeclaration::name, name);
    }

    /** Whether the referenced function, saga, table, queue or bus is declared. */
    public boolean declares(Reference reference) {
        return names(reference.kind()).contains(reference.name());
    }

    /** Every owner (bounded context) with a declaration, in alphabetical order. */
    public Set<String> owners() {
        Set<String> owners = new TreeSet<>();
        functions.forEach(d -> owners.add(d.owner()));
        subscriptions.forEach(d -> owners.add(d.owner()));
        sagas.forEach(d -> owners.add(d.owner()));
        tables.forEach(d -> owners.add(d.owner()));
        queues.forEach(d -> owners.add(d.owner()));
        buses.forEach(d -> owners.add(d.owner()));
        routes.forEach(d -> owners.add(d.owner()));
        return Collections.unmodifiableSet(owners);
    }

    /** The subscriptions that deliver to {@code target}. */
    public List<SubscriptionDeclaration> subscriptionsTargeting(Reference target) {
        return subscriptions.stream().filter(s -> s.target().equals(target)).toList();
    }

    /** The subscriptions listening on {@code bus}. */
    public List<SubscriptionDeclaration> subscriptionsOn(String bus) {
        return subscriptions.stream().filter(s -> s.bus().equals(bus)).toList();
    }

    /** The functions and sagas that declare they publish {@code detailType}, functions first. */
    public List<Reference> producersOf(String detailType) {
        return Stream.concat(
                functions.stream().filter(f -> f.publishedDetailTypes().contains(detailType))
                        .map(FunctionDeclaration::reference),
                sagas.stream().filter(s -> s.publishedDetailTypes().contains(detailType))
                        .map(SagaDeclaration::reference)).toList();
    }

    /** The subscriptions whose pattern names {@code detailType} in {@code detail-type}. */
    public List<SubscriptionDeclaration> consumersOf(String detailType) {
        return subscriptions.stream().filter(s -> s.detailTypes().contains(detailType)).toList();
    }

    /** The declared tables {@code function} uses; its access to each is {@code function(name).tables()}. */
    public List<TableDeclaration> tablesUsedBy(String function) {
        Set<String> used = function(function).map(f -> f.tables().keySet()).orElse(Set.of());
        return tables.stream().filter(t -> used.contains(t.name())).toList();
    }

    /**
     * The functions and sagas that use a table, queue, bus or saga: read or write it, send to or consume from it,
     * publish on it, start or call it back, or name it in a saga substitution.
     */
    public List<Reference> usersOf(Reference resource) {
        List<Reference> users = new ArrayList<>();
        for (FunctionDeclaration function : functions) {
            if (function.usedResources().contains(resource) || resource.kind() == Reference.Kind.QUEUE
                    && function.queueSources().stream().anyMatch(q -> q.queue().equals(resource.name()))) {
                users.add(function.reference());
            }
        }
        for (SagaDeclaration saga : sagas) {
            if (saga.substitutions().containsValue(resource)) {
                users.add(saga.reference());
            }
        }
        return List.copyOf(users);
    }

    /** The functions Lambda invokes with messages from {@code queue} (SQS event sources). */
    public List<FunctionDeclaration> functionsConsuming(String queue) {
        return functions.stream()
                .filter(f -> f.queueSources().stream().anyMatch(source -> source.queue().equals(queue)))
                .toList();
    }

    /** The queues declared as dead-letter queues. */
    public List<QueueDeclaration> deadLetterQueues() {
        return queues.stream().filter(QueueDeclaration::isDeadLetterQueue).toList();
    }

    /** Declared names of one kind, in order; duplicates appear once. */
    Set<String> names(Reference.Kind kind) {
        List<String> names = switch (kind) {
            case FUNCTION -> functions.stream().map(FunctionDeclaration::name).toList();
            case SAGA -> sagas.stream().map(SagaDeclaration::name).toList();
            case TABLE -> tables.stream().map(TableDeclaration::name).toList();
            case QUEUE -> queues.stream().map(QueueDeclaration::name).toList();
            case BUS -> buses.stream().map(EventBusDeclaration::name).toList();
        };
        return Collections.unmodifiableSet(new TreeSet<>(names));
    }

    private static <T> List<T> sorted(List<T> declarations, Function<T, String> name) {
        return declarations.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static <T> Optional<T> find(List<T> declarations, Function<T, String> name, String wanted) {
        return declarations.stream().filter(d -> name.apply(d).equals(wanted)).findFirst();
    }

    /**
     * Collects declarations. Declarations made through the configuring methods ({@code function(name, f -> ...)})
     * are owned by the current {@link #owner(String)} unless they name another; {@link #declare} sets it to the
     * contribution's owner.
     */
    public static final class Builder {
        private String owner;
        private final List<FunctionDeclaration> functions = new ArrayList<>();
        private final List<SubscriptionDeclaration> subscriptions = new ArrayList<>();
        private final List<SagaDeclaration> sagas = new ArrayList<>();
        private final List<TableDeclaration> tables = new ArrayList<>();
        private final List<QueueDeclaration> queues = new ArrayList<>();
        private final List<EventBusDeclaration> buses = new ArrayList<>();
        private final List<ApiRouteDeclaration> routes = new ArrayList<>();

        private Builder() {
        }

        /** The owner of the declarations that follow. */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /**
         * Adds a contribution's declarations, owned by its {@link PlatformDeclarations#owner()}. A declaration it
         * gets wrong fails naming the contribution's class.
         */
        public Builder declare(PlatformDeclarations contribution) {
            String previous = owner;
            String contributor = contribution.getClass().getName();
            owner = contribution.owner();
            if (owner == null || owner.isBlank()) {
                throw new ModelException("declarations", contributor, "owner", "is required: owner() names the"
                        + " bounded context the declarations belong to");
            }
            try {
                contribution.declare(this);
            } catch (ModelException e) {
                throw new ModelException(e.problems().stream().map(p -> new ModelProblem(p.kind(), p.name(),
                        p.field(), p.problem() + " (declared by " + contributor + ")")).toList(), e);
            } catch (RuntimeException e) {
                throw new ModelException(List.of(new ModelProblem("declarations", contributor, "declare",
                        "failed: " + e.getMessage())), e);
            } finally {
                owner = previous;
            }
            return this;
        }

        public Builder function(String name, Consumer<FunctionDeclaration.Builder> configuration) {
            FunctionDeclaration.Builder builder = FunctionDeclaration.builder(name).owner(owner);
            configuration.accept(builder);
            return function(builder.build());
        }

        public Builder function(FunctionDeclaration function) {
            functions.add(function);
            return this;
        }

        public Builder subscription(String name, Consumer<SubscriptionDeclaration.Builder> configuration) {
            SubscriptionDeclaration.Builder builder = SubscriptionDeclaration.builder(name).owner(owner);
            configuration.accept(builder);
            return subscription(builder.build());
        }

        public Builder subscription(SubscriptionDeclaration subscription) {
            subscriptions.add(subscription);
            return this;
        }

        public Builder saga(String name, Consumer<SagaDeclaration.Builder> configuration) {
            SagaDeclaration.Builder builder = SagaDeclaration.builder(name).owner(owner);
            configuration.accept(builder);
            return saga(builder.build());
        }

        public Builder saga(SagaDeclaration saga) {
            sagas.add(saga);
            return this;
        }

        public Builder table(String name, Consumer<TableDeclaration.Builder> configuration) {
            TableDeclaration.Builder builder = TableDeclaration.builder(name).owner(owner);
            configuration.accept(builder);
            return table(builder.build());
        }

        public Builder table(TableDeclaration table) {
            tables.add(table);
            return this;
        }

        public Builder queue(String name, Consumer<QueueDeclaration.Builder> configuration) {
            QueueDeclaration.Builder builder = QueueDeclaration.builder(name).owner(owner);
            configuration.accept(builder);
            return queue(builder.build());
        }

        public Builder queue(QueueDeclaration queue) {
            queues.add(queue);
            return this;
        }

        public Builder bus(String name, Consumer<EventBusDeclaration.Builder> configuration) {
            EventBusDeclaration.Builder builder = EventBusDeclaration.builder(name).owner(owner);
            configuration.accept(builder);
            return bus(builder.build());
        }

        public Builder bus(EventBusDeclaration bus) {
            buses.add(bus);
            return this;
        }

        public Builder route(String method, String path, Consumer<ApiRouteDeclaration.Builder> configuration) {
            ApiRouteDeclaration.Builder builder = ApiRouteDeclaration.builder(method, path).owner(owner);
            configuration.accept(builder);
            return route(builder.build());
        }

        public Builder route(ApiRouteDeclaration route) {
            routes.add(route);
            return this;
        }

        public PlatformModel build() {
            return new PlatformModel(this);
        }
    }
}
