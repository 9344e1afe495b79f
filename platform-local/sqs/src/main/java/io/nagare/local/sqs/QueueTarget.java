package io.nagare.local.sqs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.DeduplicationId;
import org.elasticmq.ImmediateNextDelivery$;
import org.elasticmq.Limits$;
import org.elasticmq.MessageAttribute;
import org.elasticmq.MessageContent;
import org.elasticmq.NewMessageData;
import org.elasticmq.QueueData;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.msg.DeduplicationIdsCleanup$;
import org.elasticmq.msg.GetQueueData;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.msg.SendMessage;

import io.nagare.local.runtime.targets.EventTargetException;
import io.nagare.local.runtime.targets.EventTargetRequest;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * Delivers an EventBridge target's input to a queue: the input as body, the request's attributes as String message
 * attributes and, for a FIFO queue, its message group (the queue must have content-based deduplication, as
 * EventBridge requires). The message is handed to ElasticMQ's queue actor in-process, after the checks ElasticMQ's
 * {@code SendMessage} applies to those parameters, with the same error codes and messages; skipping the HTTP hop
 * keeps rule delivery fast. Failures carry the codes EventBridge writes to a dead-letter message: a missing queue is
 * {@code NO_RESOURCE} and a refused message {@code INVALID_PARAMETER} (neither retried); a timeout is retried.
 */
final class QueueTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern FIFO_PROPERTY = Pattern.compile("^[\\p{Alnum}\\p{Punct}]{1,128}$");

    private final ActorRef queues;
    private final String region;
    private final String accountId;
    private final QueueSettings settings;
    private final Consumer<String> sent;

    QueueTarget(ActorRef queues, String region, String accountId, QueueSettings settings, Consumer<String> sent) {
        this.queues = queues;
        this.region = region;
        this.accountId = accountId;
        this.settings = settings;
        this.sent = sent;
    }

    void send(EventTargetRequest request) {
        String name = queueName(request.targetArn());
        Option<?> queue = (Option<?>) ask(queues, new LookupQueue(name));
        if (queue.isEmpty()) {
            throw new EventTargetException("NO_RESOURCE", "QueueDoesNotExist: The specified queue does not exist.",
                    false);
        }
        ActorRef queueActor = (ActorRef) queue.get();
        QueueData queueData = (QueueData) ask(queueActor, new GetQueueData());
        NewMessageData message = message(request, queueData);
        int size = size(request);
        int maximum = settings.maximumMessageSize(name);
        if (size > maximum) {
            throw refused("InvalidParameterValue", "One or more parameters are invalid. Reason: Message must be"
                    + " shorter than " + maximum + " bytes.");
        }
        if (queueData.isFifo()) {
            queueActor.tell(DeduplicationIdsCleanup$.MODULE$, ActorRef.noSender());
        }
        ask(queueActor, new SendMessage(message));
        sent.accept(name);
    }

    /** The size SQS counts against MaximumMessageSize: body, attribute names, types and values. */
    private static int size(EventTargetRequest request) {
        int size = utf8(request.input());
        for (Map.Entry<String, String> attribute : request.messageAttributes().entrySet()) {
            size += utf8(attribute.getKey()) + utf8("String") + utf8(attribute.getValue());
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private String queueName(String arn) {
        String[] parts = arn.split(":", -1);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sqs") || parts[5].isEmpty()) {
            throw new EventTargetException("INVALID_PARAMETER", "not an SQS queue ARN: " + arn, false);
        }
        if (!parts[3].equals(region) || !parts[4].equals(accountId)) {
            throw new EventTargetException("NO_RESOURCE", "QueueDoesNotExist: " + arn + " is not a local queue"
                    + " (local queues are in region " + region + ", account " + accountId + ")", false);
        }
        return parts[5];
    }

    private static NewMessageData message(EventTargetRequest request, QueueData queue) {
        String body = request.input();
        refuseIfLeft(Limits$.MODULE$.verifyMessageBody(body, StrictSQSLimits$.MODULE$), "InvalidAttributeValue");
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        request.messageAttributes().forEach((name, value) -> {
            refuseIfLeft(Limits$.MODULE$.verifyMessageStringAttribute(name, value, StrictSQSLimits$.MODULE$),
                    "InvalidAttributeValue");
            attributes.put(name, new StringMessageAttribute(value, Option.empty()));
        });
        refuseIfLeft(Limits$.MODULE$.verifyMessageAttributesNumber(attributes.size(), StrictSQSLimits$.MODULE$),
                "InvalidAttributeValue");
        String group = request.messageGroupId();
        if (group == null && queue.isFifo()) {
            throw refused("MissingParameter", "The request must contain the parameter MessageGroupId.");
        }
        if (group != null && !FIFO_PROPERTY.matcher(group).matches()) {
            throw refused("InvalidParameterValue",
                    "MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
        if (queue.isFifo() && !queue.hasContentBasedDeduplication()) {
            throw refused("InvalidParameterValue", "The queue should either have ContentBasedDeduplication enabled"
                    + " or MessageDeduplicationId provided explicitly");
        }
        // A value class: its factory answers the underlying hash, boxed here again.
        Option<DeduplicationId> deduplication = queue.isFifo()
                ? Option.apply(new DeduplicationId(DeduplicationId.fromMessageBody(body))) : Option.empty();
        return new NewMessageData(Option.empty(), new MessageContent(body),
                scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(attributes)),
                ImmediateNextDelivery$.MODULE$, Option.apply(group), deduplication, 0, Option.empty(),
                Option.empty(), Option.empty());
    }

    private static void refuseIfLeft(Either<String, ?> check, String code) {
        if (check.isLeft()) {
            throw refused(code, check.left().get());
        }
    }

    private static EventTargetException refused(String code, String message) {
        return new EventTargetException("INVALID_PARAMETER", code + ": " + message, false);
    }

    private static Object ask(ActorRef actor, Object message) {
        try {
            return Patterns.ask(actor, message, TIMEOUT).toCompletableFuture()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EventTargetException("TIMEOUT", "SQS did not answer within " + TIMEOUT.toSeconds() + " s",
                    true);
        } catch (ExecutionException e) {
            throw new EventTargetException("INTERNAL_ERROR", "SQS failed: " + e.getCause(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventTargetException("INTERNAL_ERROR", "interrupted while sending to SQS", true);
        }
    }
}
