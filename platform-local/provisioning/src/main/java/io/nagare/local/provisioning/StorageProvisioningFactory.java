package io.nagare.local.provisioning;

import java.util.function.Supplier;

import io.nagare.local.runtime.LocalService;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.RuntimeContext;
import io.nagare.platform.model.PlatformModel;

/**
 * Provisions the model's DynamoDB tables, SQS queues and Step Functions state machines while the runtime starts:
 * after DynamoDB, SQS and Step Functions are created, before Lambda, so its SQS event source mappings find their
 * queues at their first poll. Found with ServiceLoader; its model is the one discovered on the class path; the
 * problems ModelValidator finds in it are reported as warnings.
 */
public final class StorageProvisioningFactory implements LocalServiceFactory {

    private final Supplier<ModelProvisioner.CheckedModel> model;

    public StorageProvisioningFactory() {
        this(ModelProvisioner.DISCOVERED);
    }

    /** Provisions {@code model} (tests). */
    public StorageProvisioningFactory(PlatformModel model) {
        this(() -> ModelProvisioner.check(model));
    }

    private StorageProvisioningFactory(Supplier<ModelProvisioner.CheckedModel> model) {
        this.model = model;
    }

    /** After DynamoDB (10), SQS and Step Functions (100); before Lambda (200). */
    @Override
    public int order() {
        return 150;
    }

    @Override
    public LocalService create(RuntimeContext context) {
        ModelProvisioner.CheckedModel checked = model.get();
        ProvisioningReport report = new ModelProvisioner(context, checked.model(), classLoader())
                .provisionStorageAndSagas(checked.problems());
        return new ProvisioningService("provisioning-storage", report);
    }

    static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StorageProvisioningFactory.class.getClassLoader();
    }
}
