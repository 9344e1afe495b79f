package io.nagare.local.provisioning;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.nagare.local.runtime.RuntimeContext;
import io.nagare.platform.model.EventBusDeclaration;
import io.nagare.platform.model.ModelProblem;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.SagaDeclaration;
import io.nagare.platform.model.SubscriptionDeclaration;
import io.nagare.platform.model.TableDeclaration;

/** Runs the provisioning of one step against a runtime: storage and sagas, or event routing. */
final class ModelProvisioner {

    /** A model and the problems {@link ModelValidator} found in it. */
    record CheckedModel(PlatformModel model, List<ModelProblem> problems) {
    }

    /**
     * The model discovered on the class path and checked, once per class loader's lifetime. Its problems are
     * reported, not fatal: while modules are being written the model is often incomplete, and the runtime should still
     * start with what resolves (contract-tests is where an invalid model fails the build).
     */
    private static final class Discovered {
        static final CheckedModel MODEL = check(PlatformModel.discover());
    }

    static final Supplier<CheckedModel> DISCOVERED = () -> Discovered.MODEL;

    static CheckedModel check(PlatformModel model) {
        return new CheckedModel(model, ModelValidator.create().check(model));
    }

    private final PlatformModel model;
    private final ClassLoader classLoader;
    private final ResourceNames names;
    private final WireClient wire;

    ModelProvisioner(RuntimeContext context, PlatformModel model, ClassLoader classLoader) {
        this.model = Objects.requireNonNull(model);
        this.classLoader = classLoader;
        String endpoint = context.endpointUrl() != null ? context.endpointUrl() : "http://localhost";
        this.names = new ResourceNames(context.region(), context.accountId(), endpoint);
        this.wire = new WireClient(context, endpoint.replaceFirst("^https?://", ""));
    }

    /** Tables, queues (dead-letter queues first) and state machines: what Lambda's pollers and sagas need. */
    ProvisioningReport provisionStorageAndSagas(List<ModelProblem> problems) {
        ProvisioningReport report = new ProvisioningReport();
        problems.forEach(problem -> report.warn("platform model: " + problem));
        TableProvisioning tables = new TableProvisioning(wire, report);
        for (TableDeclaration table : model.tables()) {
            tables.provision(table);
        }
        new QueueProvisioning(wire, names, report).provisionAll(model.queues());
        SagaProvisioning sagas = new SagaProvisioning(wire, names, classLoader, report);
        for (SagaDeclaration saga : model.sagas()) {
            sagas.provision(saga);
        }
        return report;
    }

    /** Buses, their archives, and a rule with its target per subscription. */
    ProvisioningReport provisionEventRouting() {
        ProvisioningReport report = new ProvisioningReport();
        EventProvisioning events = new EventProvisioning(wire, names, report);
        for (EventBusDeclaration bus : model.buses()) {
            events.provision(bus);
        }
        for (SubscriptionDeclaration subscription : model.subscriptions()) {
            events.provision(subscription);
        }
        return report;
    }
}
