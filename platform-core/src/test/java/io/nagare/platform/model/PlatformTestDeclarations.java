package io.nagare.platform.model;

/** Test contribution found through META-INF/services: the platform's own bus and the shared dead-letter queue. */
public final class PlatformTestDeclarations implements PlatformDeclarations {

    @Override
    public String owner() {
        return "platform";
    }

    @Override
    public void declare(PlatformModel.Builder model) {
        model.bus("nagare", bus -> bus.archiveRetentionDays(30));
        model.queue("platform-dlq", QueueDeclaration.Builder::asDeadLetterQueue);
    }
}
