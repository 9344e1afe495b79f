package io.nagare.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

import org.h2.mvstore.MVStore;

/**
 * The local runtime: every {@link LocalService} found on the classpath behind one {@link LocalEndpoint}.
 * Built with {@link #builder()}; {@link #close()} stops the endpoint, then the services, then the stores.
 */
public final class LocalRuntime implements AutoCloseable {

    public static final String HEALTH_PATH = "/_nagare/health";

    /**
     * Page cache of each store, in MB. Saved B-tree pages are read back through it: with MVStore's 16 MB default a
     * 1,000,000-item DynamoDB table (about 200 MB of pages) missed on most reads and every GetItem decoded a page from
     * the file. A sixteenth of the heap per store (a runtime opens about six), between 16 and 512 MB; a cache only
     * holds pages that were read.
     */
    static final int CACHE_MB = (int) Math.max(16, Math.min(512,
            Runtime.getRuntime().maxMemory() / 16 / (1024 * 1024)));

    private final Context context;
    private final List<LocalService> services;
    private final LocalEndpoint endpoint;

    private LocalRuntime(Builder builder) {
        this.context = new Context(builder);
        // Known before the services are created when the port is fixed, so a service's constructor (provisioning a
        // saga that names a queue URL) can use it; with port 0 it is known once the endpoint is bound.
        if (builder.port > 0) {
            context.endpointUrl = "http://" + hostForUrl(builder.host) + ":" + builder.port;
        }
        List<LocalServiceFactory> factories = new ArrayList<>(builder.factories);
        if (builder.discover) {
            ServiceLoader.load(LocalServiceFactory.class).forEach(factories::add);
        }
        factories.sort(Comparator.comparingInt(LocalServiceFactory::order));
        List<LocalService> created = new ArrayList<>();
        try {
            for (LocalServiceFactory factory : factories) {
                LocalService service = factory.create(context);
                created.add(service);
                context.services.add(service);
            }
            this.services = Collections.unmodifiableList(created);
            context.router = new Router(services);
            this.endpoint = builder.port < 0 ? null : LocalEndpoint.start(builder.host, builder.port, context.router);
        } catch (RuntimeException e) {
            closeAll(created);
            context.closeStores();
            throw e;
        }
        context.endpointUrl = endpoint == null ? "http://" + builder.host + ":0"
                : "http://" + hostForUrl(builder.host) + ":" + endpoint.port();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The URL clients use, e.g. {@code http://localhost:4566}. */
    public String endpointUrl() {
        return context.endpointUrl;
    }

    /** The port the endpoint listens on; useful when started on port 0. */
    public int port() {
        return endpoint == null ? -1 : endpoint.port();
    }

    public RuntimeContext context() {
        return context;
    }

    public List<LocalService> services() {
        return services;
    }

    /** The running service of that type, e.g. for tests that call it in-process. */
    public <T> Optional<T> service(Class<T> type) {
        return context.service(type);
    }

    /** Readiness of each service by name, in starting order. */
    public Map<String, Boolean> health() {
        Map<String, Boolean> health = new LinkedHashMap<>();
        for (LocalService service : services) {
            health.put(service.name(), service.ready());
        }
        return health;
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        List<LocalService> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        closeAll(reversed);
        context.closeStores();
    }

    private static void closeAll(List<LocalService> services) {
        for (LocalService service : services) {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("nagare: closing " + service.name() + " failed: " + e);
            }
        }
    }

    private static String hostForUrl(String host) {
        return host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
    }

    /** Settings of a runtime; the defaults are those of {@code ./nagare up}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 4566;
        private Path dataDirectory;
        private LocalClock clock;
        private String region = RuntimeContext.DEFAULT_REGION;
        private String accountId = RuntimeContext.DEFAULT_ACCOUNT;
        private boolean discover = true;
        private final List<LocalServiceFactory> factories = new ArrayList<>();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The port to listen on: 0 picks a free one, a negative value starts no endpoint (in-process use). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where state is kept; without one the runtime keeps everything in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder clock(LocalClock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /** Whether to add the services found with ServiceLoader (default true). */
        public Builder discoverServices(boolean discover) {
            this.discover = discover;
            return this;
        }

        /** Adds a service explicitly (tests that start one service alone). */
        public Builder service(LocalServiceFactory factory) {
            factories.add(Objects.requireNonNull(factory));
            return this;
        }

        public LocalRuntime start() {
            return new LocalRuntime(this);
        }
    }

    private static final class Context implements RuntimeContext {
        private final String region;
        private final String accountId;
        private final LocalClock clock;
        private final boolean ownsClock;
        private final Path dataDirectory;
        private final Map<String, MVStore> stores = new LinkedHashMap<>();
        private final List<LocalService> services = new CopyOnWriteArrayList<>();
        private volatile String endpointUrl;
        private volatile Router router;

        Context(Builder builder) {
            this.region = builder.region;
            this.accountId = builder.accountId;
            this.ownsClock = builder.clock == null;
            this.clock = ownsClock ? new WallClock() : builder.clock;
            this.dataDirectory = builder.dataDirectory;
            if (dataDirectory != null) {
                try {
                    Files.createDirectories(dataDirectory);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
                }
            }
        }

        @Override
        public String region() {
            return region;
        }

        @Override
        public String accountId() {
            return accountId;
        }

        @Override
        public String endpointUrl() {
            return endpointUrl;
        }

        @Override
        public LocalClock clock() {
            return clock;
        }

        @Override
        public Optional<Path> dataDirectory() {
            return Optional.ofNullable(dataDirectory);
        }

        @Override
        public synchronized MVStore store(String name) {
            if (!name.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("store name must match [a-z0-9-]+: " + name);
            }
            return stores.computeIfAbsent(name, n -> {
                MVStore.Builder store = new MVStore.Builder().autoCommitDisabled().cacheSize(CACHE_MB);
                if (dataDirectory != null) {
                    store.fileName(dataDirectory.resolve(n + ".mv.db").toString());
                }
                return store.open();
            });
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            for (LocalService service : services) {
                if (type.isInstance(service)) {
                    return Optional.of(type.cast(service));
                }
            }
            return Optional.empty();
        }

        @Override
        public boolean started() {
            return router != null;
        }

        @Override
        public LocalResponse call(LocalRequest request) {
            Router current = router;
            // While the runtime is still creating its services, a service's constructor reaches those created before
            // it (lower order): how the model's tables and queues are provisioned before Lambda starts polling.
            return (current != null ? current : new Router(services)).route(request);
        }

        synchronized void closeStores() {
            for (MVStore store : stores.values()) {
                try {
                    store.close();
                } catch (RuntimeException e) {
                    System.err.println("nagare: closing a store failed: " + e);
                }
            }
            stores.clear();
            if (ownsClock) {
                ((WallClock) clock).close();
            }
        }
    }
}
