package io.nagare.cli;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;

/**
 * The health check's view of the servers {@code nagare up} starts beside the runtime (the gateway on 8080, the
 * partner simulators on 8090): not ready until {@link #started()}, so {@code GET /_nagare/health} answers 200 only
 * once partners can reach the platform. It serves no requests.
 */
final class ServersReadiness implements LocalService, LocalServiceFactory {

    private volatile boolean started;

    /** Marks the servers as listening. */
    void started() {
        started = true;
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public boolean ready() {
        return started;
    }

    @Override
    public boolean handles(LocalRequest request) {
        return false;
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        throw new UnsupportedOperationException("serves no requests");
    }

    /** Last: after every service the servers depend on. */
    @Override
    public int order() {
        return 10_000;
    }

    @Override
    public LocalService create(RuntimeContext context) {
        return this;
    }
}
