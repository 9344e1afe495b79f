package io.nagare.api.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A fixed one-minute window per partner, counted in DynamoDB so every concurrent instance of the function shares it
 * and it survives their restarts. One conditional update per request: the count goes up only when it stays within
 * the limit, so refused requests do not use up the window. Items expire (TTL) an hour after their window.
 */
final class PartnerRateLimiter {

    static final long WINDOW_SECONDS = 60;
    private static final long KEEP_SECONDS = 3600;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    PartnerRateLimiter(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    /** Takes {@code events} from the partner's current window; the refusal says when the next window opens. */
    Decision acquire(PartnerGrant partner, int events) {
        Instant now = clock.instant();
        long window = now.getEpochSecond() / WINDOW_SECONDS;
        long retryAfter = (window + 1) * WINDOW_SECONDS - now.getEpochSecond();
        int limit = partner.rateLimitPerMinute();
        if (events > limit) {
            return new Decision(false, retryAfter, limit);
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of("id", AttributeValue.fromS(partner.clientId() + "#" + window)))
                    .updateExpression("SET #expiresAt = if_not_exists(#expiresAt, :expiresAt) ADD #count :events")
                    .conditionExpression("attribute_not_exists(#count) OR #count <= :room")
                    .expressionAttributeNames(Map.of("#count", "count", "#expiresAt", "expiresAt"))
                    .expressionAttributeValues(Map.of(
                            ":events", AttributeValue.fromN(Integer.toString(events)),
                            ":room", AttributeValue.fromN(Integer.toString(limit - events)),
                            ":expiresAt", AttributeValue.fromN(Long.toString((window + 1) * WINDOW_SECONDS
                                    + KEEP_SECONDS)))));
            return new Decision(true, 0, limit);
        } catch (ConditionalCheckFailedException e) {
            return new Decision(false, retryAfter, limit);
        }
    }

    /** Whether the events were admitted; when not, the seconds until the next window. */
    record Decision(boolean admitted, long retryAfterSeconds, int limitPerMinute) {
    }
}
