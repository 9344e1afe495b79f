package io.nagare.local.lambda;

import java.util.List;

/**
 * What an SQS event source mapping needs of SQS: receive a batch from a queue (the messages stay invisible for the
 * queue's visibility timeout) and delete the ones a function processed. Queues are named as the platform model
 * names them.
 */
interface SqsQueues {

    /**
     * Up to {@code maxMessages} (1-10) messages, with every system and message attribute; none when the queue is
     * empty. Does not wait for messages.
     *
     * @throws Unavailable when SQS cannot be reached or refuses (the queue does not exist, ...)
     */
    List<QueueMessage> receive(String queue, int maxMessages);

    /** Deletes the messages by receipt handle. @throws Unavailable as {@link #receive} */
    void delete(String queue, List<QueueMessage> messages);

    /** SQS could not serve a request; the message says why. */
    final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
