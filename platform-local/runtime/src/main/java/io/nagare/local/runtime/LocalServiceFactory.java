package io.nagare.local.runtime;

/**
 * Creates one local service for a runtime. Implementations are listed in
 * {@code META-INF/services/io.nagare.local.runtime.LocalServiceFactory} of the service's module.
 */
public interface LocalServiceFactory {

    /** Starting order: lower first (storage-like services before those that call them). */
    default int order() {
        return 100;
    }

    LocalService create(RuntimeContext context);
}
