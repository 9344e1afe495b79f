package io.nagare.local.runtime;

/**
 * One emulated AWS service behind the shared endpoint. The endpoint offers each request to the services in
 * turn; the first whose {@link #handles} answers true serves it. Services are created by a
 * {@link LocalServiceFactory} found with {@link java.util.ServiceLoader}.
 */
public interface LocalService extends AutoCloseable {

    /** Short name shown by the health check, e.g. {@code stepfunctions}. */
    String name();

    /** Whether this service serves the request (by {@code X-Amz-Target} prefix, path, ...). Must be cheap. */
    boolean handles(LocalRequest request);

    /** Serves the request. Must not throw for malformed input: answer the service's own error shape instead. */
    LocalResponse handle(LocalRequest request);

    /** Whether the service is ready to serve; the health check answers 200 only when every service is. */
    default boolean ready() {
        return true;
    }

    /** Releases the service's resources; its durable state must already be on disk. */
    @Override
    default void close() {
    }
}
