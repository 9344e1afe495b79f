package io.nagare.infra.eventing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.ResourceNames;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Every queue of the model: encrypted with the messaging key, TLS only, with its dead-letter queue and receive count,
 * visibility and retention as declared. Dead-letter queues are created before the queues that name them.
 */
public final class ModelQueues extends Construct {

    private final Map<String, Queue> queues = new TreeMap<>();

    public ModelQueues(Construct scope, String id, PlatformModel model, ResourceNames names, IKey key) {
        super(scope, id);
        for (QueueDeclaration declaration : model.queues()) {
            create(declaration, model, names, key);
        }
    }

    private Queue create(QueueDeclaration declaration, PlatformModel model, ResourceNames names, IKey key) {
        Queue existing = queues.get(declaration.name());
        if (existing != null) {
            return existing;
        }
        Queue.Builder queue = Queue.Builder.create(this, declaration.name())
                .queueName(names.queue(declaration.name()))
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .dataKeyReuse(Duration.minutes(5))
                .enforceSsl(true)
                .visibilityTimeout(Duration.seconds(declaration.visibilityTimeoutSeconds()))
                .retentionPeriod(Duration.seconds(declaration.retentionSeconds()));
        if (declaration.fifo()) {
            queue.fifo(true);
        }
        if (declaration.deadLetterQueue() != null) {
            QueueDeclaration dlq = model.queue(declaration.deadLetterQueue()).orElseThrow();
            queue.deadLetterQueue(DeadLetterQueue.builder().queue(create(dlq, model, names, key))
                    .maxReceiveCount(declaration.maxReceiveCount()).build());
        }
        Queue created = queue.build();
        if (declaration.isDeadLetterQueue() && declaration.deadLetterQueue() == null) {
            NagAcknowledgement.of(created, "This is a dead-letter queue: what lands here is kept 14 days for "
                    + "operators to inspect and redrive, and its depth raises an alarm.", "AwsSolutions-SQS3",
                    "Serverless-SQSRedrivePolicy");
        }
        queues.put(declaration.name(), created);
        return created;
    }

    /** The queue of each declared queue, by declared name. */
    public Map<String, Queue> queues() {
        return Collections.unmodifiableMap(queues);
    }

    public IQueue queue(String declared) {
        return queues.get(declared);
    }
}
