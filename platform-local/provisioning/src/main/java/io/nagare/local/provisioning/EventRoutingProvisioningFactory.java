package io.nagare.local.provisioning;

import java.util.List;
import java.util.function.Supplier;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.platform.model.PlatformModel;

/**
 * Provisions the model's EventBridge buses, archives and subscriptions (rules and targets) while the runtime
 * starts, once EventBridge is created. Found with ServiceLoader; its model is the one discovered on the class path.
 */
public final class EventRoutingProvisioningFactory implements LocalServiceFactory {

    private final Supplier<ModelProvisioner.CheckedModel> model;

    public EventRoutingProvisioningFactory() {
        this(ModelProvisioner.DISCOVERED);
    }

    /** Provisions {@code model} (tests). */
    public EventRoutingProvisioningFactory(PlatformModel model) {
        this(() -> new ModelProvisioner.CheckedModel(model, List.of()));
    }

    private EventRoutingProvisioningFactory(Supplier<ModelProvisioner.CheckedModel> model) {
        this.model = model;
    }

    /** After EventBridge (900). */
    @Override
    public int order() {
        return 950;
    }

    @Override
    public LocalService create(RuntimeContext context) {
        ProvisioningReport report = new ModelProvisioner(context, model.get().model(), StorageProvisioningFactory.classLoader())
                .provisionEventRouting();
        return new ProvisioningService("provisioning-events", report);
    }
}
