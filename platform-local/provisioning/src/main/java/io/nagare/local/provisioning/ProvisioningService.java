package io.nagare.local.provisioning;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;
import io.nagare.local.runtime.LocalService;

/**
 * The result of one provisioning step, kept in the runtime so {@code nagare up} and tests can read what was done.
 * It serves no requests; it exists only after its resources were provisioned, so a runtime that started is a
 * provisioned one (the health check answers only once every service was created).
 */
public final class ProvisioningService implements LocalService {

    private final String name;
    private final ProvisioningReport report;

    ProvisioningService(String name, ProvisioningReport report) {
        this.name = name;
        this.report = report;
    }

    @Override
    public String name() {
        return name;
    }

    public ProvisioningReport report() {
        return report;
    }

    @Override
    public boolean handles(LocalRequest request) {
        return false;
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        throw new UnsupportedOperationException("the provisioning step serves no requests");
    }
}
