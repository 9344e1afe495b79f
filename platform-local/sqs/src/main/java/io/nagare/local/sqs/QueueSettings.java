package io.nagare.local.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The queue attributes SQS has and ElasticMQ 1.7.1 drops (it ignores them on CreateQueue and answers none of them):
 * validated as SQS validates them, kept per queue (in the {@code settings} map of {@code sqs.mv.db} when the runtime
 * has a data directory) and answered by GetQueueAttributes. What they mean is enforced elsewhere: the maximum size on
 * every send, the retention period on receive ({@link SqsService}), the redrive-allow policy when another queue names
 * this one as its dead-letter queue. {@code Policy} and the encryption settings are kept and answered only: the local
 * runtime has neither IAM nor KMS, and messages are kept in the data directory as they are.
 */
final class QueueSettings {

    static final String RETENTION = "MessageRetentionPeriod";
    static final String MAXIMUM_SIZE = "MaximumMessageSize";
    static final String POLICY = "Policy";
    static final String REDRIVE_ALLOW = "RedriveAllowPolicy";
    static final String KMS_KEY = "KmsMasterKeyId";
    static final String KMS_REUSE = "KmsDataKeyReusePeriodSeconds";
    static final String SQS_SSE = "SqsManagedSseEnabled";
    static final Set<String> NAMES = Set.of(RETENTION, MAXIMUM_SIZE, POLICY, REDRIVE_ALLOW, KMS_KEY, KMS_REUSE,
            SQS_SSE);

    /** ElasticMQ's strict limits refuse larger bodies whatever the queue says, so no larger maximum is accepted. */
    static final int LOCAL_MAXIMUM_SIZE = 262_144;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private static final Map<String, String> DEFAULTS = Map.of(RETENTION, "345600",
            MAXIMUM_SIZE, Integer.toString(LOCAL_MAXIMUM_SIZE), SQS_SSE, "true");

    private final Map<String, Map<String, String>> byQueue = new ConcurrentHashMap<>();
    private final MVStore store;
    private final MVMap<String, String> stored;

    /** Settings kept in {@code store}, or only in memory when it is empty. */
    QueueSettings(Optional<MVStore> store) {
        this.store = store.orElse(null);
        this.stored = store.map(s -> s.<String, String>openMap("settings")).orElse(null);
        if (stored != null) {
            stored.forEach((queue, json) -> byQueue.put(queue, read(json)));
        }
    }

    /** A queue attribute SQS refuses, in SQS's words. */
    static final class Invalid extends RuntimeException {
        final String code;

        Invalid(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /**
     * The settings among {@code attributes}, checked; throws {@link Invalid} for a value SQS refuses and for a
     * local limit ({@code not supported: ...}).
     */
    static Map<String, String> validate(Map<String, String> attributes) {
        Map<String, String> settings = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (NAMES.contains(name)) {
                settings.put(name, value);
            }
        });
        range(settings, RETENTION, 60, 1_209_600);
        String size = settings.get(MAXIMUM_SIZE);
        if (size != null && isInteger(size) && Long.parseLong(size) > LOCAL_MAXIMUM_SIZE
                && Long.parseLong(size) <= 1_048_576) {
            throw new Invalid("InvalidAttributeValue", "not supported: MaximumMessageSize above "
                    + LOCAL_MAXIMUM_SIZE + " bytes (the local SQS keeps ElasticMQ's 256 KiB message limit)");
        }
        range(settings, MAXIMUM_SIZE, 1024, LOCAL_MAXIMUM_SIZE);
        range(settings, KMS_REUSE, 60, 86_400);
        String sse = settings.get(SQS_SSE);
        if (sse != null && !sse.equals("true") && !sse.equals("false")) {
            throw invalidValue(SQS_SSE);
        }
        if ("true".equals(sse) && settings.get(KMS_KEY) != null && !settings.get(KMS_KEY).isEmpty()) {
            throw new Invalid("InvalidAttributeName", "You can use one type of server-side encryption (SSE) at one"
                    + " time. You can either enable KMS SSE or SQS SSE.");
        }
        String policy = settings.get(POLICY);
        if (policy != null && !policy.isEmpty() && !isJsonObject(policy)) {
            throw new Invalid("InvalidAttributeValue", "Invalid value for the parameter Policy.");
        }
        String redriveAllow = settings.get(REDRIVE_ALLOW);
        if (redriveAllow != null && !redriveAllow.isEmpty()) {
            validateRedriveAllow(redriveAllow);
        }
        return settings;
    }

    /** Records a created queue's settings: the given ones over SQS's defaults. */
    void created(String queue, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        apply(all, settings);
        put(queue, all);
    }

    /** Whether {@code settings} differ from what an existing queue has (CreateQueue answers QueueAlreadyExists). */
    Optional<String> differing(String queue, Map<String, String> settings) {
        Map<String, String> existing = byQueue.get(queue);
        if (existing == null) {
            return Optional.empty();
        }
        Map<String, String> wanted = new LinkedHashMap<>(DEFAULTS);
        apply(wanted, settings);
        for (String name : settings.keySet()) {
            if (!String.valueOf(wanted.get(name)).equals(String.valueOf(existing.get(name)))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    void updated(String queue, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(byQueue.getOrDefault(queue, DEFAULTS));
        apply(all, settings);
        put(queue, all);
    }

    void deleted(String queue) {
        byQueue.remove(queue);
        if (stored != null) {
            stored.remove(queue);
            store.commit();
        }
    }

    /** A queue's settings, SQS's defaults for a queue created before they were kept. */
    Map<String, String> of(String queue) {
        return byQueue.getOrDefault(queue, DEFAULTS);
    }

    int maximumMessageSize(String queue) {
        return Integer.parseInt(of(queue).getOrDefault(MAXIMUM_SIZE, Integer.toString(LOCAL_MAXIMUM_SIZE)));
    }

    Duration retention(String queue) {
        return Duration.ofSeconds(Long.parseLong(of(queue).getOrDefault(RETENTION, "345600")));
    }

    /**
     * Whether the dead-letter queue {@code deadLetterQueue} lets {@code sourceArn} name it in a redrive policy (its
     * RedriveAllowPolicy: {@code allowAll} when it has none).
     */
    boolean allowsSource(String deadLetterQueue, String sourceArn) {
        String policy = of(deadLetterQueue).get(REDRIVE_ALLOW);
        if (policy == null || policy.isEmpty()) {
            return true;
        }
        JsonNode json = parse(policy);
        return switch (json.path("redrivePermission").asText()) {
            case "denyAll" -> false;
            case "byQueue" -> {
                for (JsonNode arn : json.path("sourceQueueArns")) {
                    if (arn.asText().equals(sourceArn)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> true;
        };
    }

    private static void apply(Map<String, String> all, Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (value.isEmpty() && (name.equals(POLICY) || name.equals(REDRIVE_ALLOW) || name.equals(KMS_KEY))) {
                all.remove(name);
            } else {
                all.put(name, value);
            }
        });
        if (settings.containsKey(KMS_KEY) && !settings.get(KMS_KEY).isEmpty()) {
            all.put(SQS_SSE, "false");
            all.putIfAbsent(KMS_REUSE, "300");
        }
        if ("true".equals(settings.get(SQS_SSE))) {
            all.remove(KMS_KEY);
            all.remove(KMS_REUSE);
        }
    }

    private void put(String queue, Map<String, String> all) {
        byQueue.put(queue, Map.copyOf(all));
        if (stored != null) {
            try {
                stored.put(queue, JSON.writeValueAsString(all));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store.commit();
        }
    }

    private static void validateRedriveAllow(String policy) {
        JsonNode json;
        try {
            json = JSON.readTree(policy);
        } catch (IOException e) {
            throw invalidValue(REDRIVE_ALLOW);
        }
        if (json == null || !json.isObject()) {
            throw invalidValue(REDRIVE_ALLOW);
        }
        String permission = json.path("redrivePermission").asText("");
        JsonNode sources = json.path("sourceQueueArns");
        boolean hasSources = sources.isArray() && !sources.isEmpty();
        if (!List.of("allowAll", "denyAll", "byQueue").contains(permission)) {
            throw new Invalid("InvalidAttributeValue", "Value " + policy + " for parameter RedriveAllowPolicy is"
                    + " invalid. Reason: Invalid value for redrivePermission (allowAll, denyAll or byQueue).");
        }
        if (permission.equals("byQueue") && (!hasSources || sources.size() > 10)) {
            throw new Invalid("InvalidAttributeValue", "Value " + policy + " for parameter RedriveAllowPolicy is"
                    + " invalid. Reason: sourceQueueArns must list 1 to 10 queue ARNs when redrivePermission is"
                    + " byQueue.");
        }
        if (!permission.equals("byQueue") && hasSources) {
            throw new Invalid("InvalidAttributeValue", "Value " + policy + " for parameter RedriveAllowPolicy is"
                    + " invalid. Reason: sourceQueueArns can be given only when redrivePermission is byQueue.");
        }
    }

    private static void range(Map<String, String> settings, String name, long min, long max) {
        String value = settings.get(name);
        if (value == null) {
            return;
        }
        if (!isInteger(value) || Long.parseLong(value) < min || Long.parseLong(value) > max) {
            throw invalidValue(name);
        }
    }

    private static boolean isInteger(String value) {
        return value.matches("-?\\d{1,18}");
    }

    private static boolean isJsonObject(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            return json != null && json.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static Invalid invalidValue(String name) {
        return new Invalid("InvalidAttributeValue", "Invalid value for the parameter " + name + ".");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return Map.copyOf(JSON.readValue(json, MAP));
        } catch (IOException e) {
            throw new UncheckedIOException("stored SQS queue settings are not valid JSON", e);
        }
    }
}
