package io.nagare.local.lambda;

import java.util.Map;

/**
 * A message received from an SQS queue, as ReceiveMessage returns it.
 *
 * @param attributes             system attributes ({@code ApproximateReceiveCount}, {@code SentTimestamp}, ...)
 * @param md5OfMessageAttributes null when the message has no message attributes
 */
record QueueMessage(String messageId, String receiptHandle, String body, String md5OfBody,
                    Map<String, String> attributes, String md5OfMessageAttributes,
                    Map<String, Attribute> messageAttributes) {

    QueueMessage {
        attributes = Map.copyOf(attributes);
        messageAttributes = Map.copyOf(messageAttributes);
    }

    /**
     * A message attribute.
     *
     * @param binaryValue base64, for {@code Binary} data types; null otherwise
     */
    record Attribute(String dataType, String stringValue, String binaryValue) {
    }
}
