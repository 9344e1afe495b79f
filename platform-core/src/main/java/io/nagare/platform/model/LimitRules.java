package io.nagare.platform.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nagare.schemas.SchemaJson;

/** The limits and formats AWS enforces on functions, subscriptions, queues, buses and routes. */
final class LimitRules {

    private static final Pattern HANDLER = Pattern.compile(
            "([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*(::[A-Za-z_$][A-Za-z0-9_$]*)?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Set by Lambda itself; a function cannot override them. */
    private static final Set<String> LAMBDA_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final int ENVIRONMENT_BYTES = 4096;
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");
    private static final Set<String> EVENTBRIDGE_VARIABLES = Set.of("aws.events.rule-arn", "aws.events.rule-name",
            "aws.events.event.ingestion-time", "aws.events.event", "aws.events.event.json");

    private LimitRules() {
    }

    static void check(PlatformModel model, Problems problems) {
        model.functions().forEach(f -> checkFunction(model, f, problems));
        model.functions().forEach(f -> checkStreamSources(f, problems));
        model.subscriptions().forEach(s -> checkSubscription(model, s, problems));
        for (QueueDeclaration q : model.queues()) {
            String kind = QueueDeclaration.KIND;
            range(kind, q.name(), "visibilityTimeoutSeconds", q.visibilityTimeoutSeconds(), 0, 43_200, problems);
            range(kind, q.name(), "retentionSeconds", q.retentionSeconds(), 60, 1_209_600, problems);
            if (q.deadLetterQueue() != null) {
                range(kind, q.name(), "maxReceiveCount", q.maxReceiveCount(), 1, 1000, problems);
            }
        }
        for (EventBusDeclaration b : model.buses()) {
            if (b.archiveRetentionDays() != null && b.archiveRetentionDays() < 0) {
                problems.add(EventBusDeclaration.KIND, b.name(), "archiveRetentionDays", "must be 0 (for ever) or"
                        + " more; got " + b.archiveRetentionDays());
            }
        }
        for (ApiRouteDeclaration r : model.routes()) {
            if (r.publicRoute() && !r.scopes().isEmpty()) {
                problems.add(ApiRouteDeclaration.KIND, r.key(), "scopes", "are declared on a public route, which"
                        + " takes requests without a token; drop the scopes or publicRoute()");
            }
            r.scopes().stream().filter(scope -> scope.isBlank() || scope.contains(" ")).forEach(scope ->
                    problems.add(ApiRouteDeclaration.KIND, r.key(), "scopes", "must be OAuth scope names without"
                            + " spaces; got '" + scope + "'"));
        }
    }

    private static void checkFunction(PlatformModel model, FunctionDeclaration f, Problems problems) {
        String kind = FunctionDeclaration.KIND;
        if (!HANDLER.matcher(f.handler()).matches()) {
            problems.add(kind, f.name(), "handler", "must be a Java class name, optionally '::method'"
                    + " (e.g. io.nagare.orders.ValidateOrderHandler); got '" + f.handler() + "'");
        }
        range(kind, f.name(), "memoryMb", f.memoryMb(), 128, 10_240, problems);
        range(kind, f.name(), "timeoutSeconds", f.timeoutSeconds(), 1, 900, problems);
        range(kind, f.name(), "asyncRetryAttempts", f.asyncRetryAttempts(), 0, 2, problems);
        range(kind, f.name(), "maximumEventAgeSeconds", f.maximumEventAgeSeconds(), 60, 21_600, problems);
        if (f.reservedConcurrency() != null && f.reservedConcurrency() < 0) {
            problems.add(kind, f.name(), "reservedConcurrency", "must be 0 or more (0 stops the function); got "
                    + f.reservedConcurrency());
        }
        int bytes = 0;
        for (Map.Entry<String, String> variable : f.environment().entrySet()) {
            String name = variable.getKey();
            bytes += (name + variable.getValue()).getBytes(StandardCharsets.UTF_8).length;
            if (!VARIABLE.matcher(name).matches()) {
                problems.add(kind, f.name(), "environment", "variable '" + name + "' must start with a letter and"
                        + " hold only letters, digits and '_'");
            } else if (LAMBDA_VARIABLES.contains(name)) {
                problems.add(kind, f.name(), "environment", "variable '" + name + "' is set by Lambda itself");
            } else if (f.resourceVariables().containsKey(name) || name.matches("NAGARE_(TABLE|QUEUE|BUS|SAGA)_.*")) {
                problems.add(kind, f.name(), "environment", "variable '" + name + "' is reserved: the platform"
                        + " sets NAGARE_<KIND>_<NAME> for each resource the function declares it uses");
            }
        }
        if (bytes > ENVIRONMENT_BYTES) {
            problems.add(kind, f.name(), "environment", "takes " + bytes + " bytes; Lambda allows "
                    + ENVIRONMENT_BYTES + " for all variables of a function");
        }
        Map<String, Reference> variables = new HashMap<>();
        for (Reference used : f.usedResources()) {
            Reference other = variables.putIfAbsent(used.environmentVariable(), used);
            if (other != null && !other.equals(used)) {
                problems.add(kind, f.name(), "environment", other + " and " + used + " would both be handed over as "
                        + used.environmentVariable() + "; rename one");
            }
        }
        for (FunctionDeclaration.QueueSource source : f.queueSources()) {
            boolean fifo = model.queue(source.queue()).map(QueueDeclaration::fifo).orElse(false);
            String field = "consumes '" + source.queue() + "':";
            range(kind, f.name(), field + " batchSize", source.batchSize(), 1, fifo ? 10 : 10_000, problems);
            range(kind, f.name(), field + " maxBatchingWindowSeconds", source.maxBatchingWindowSeconds(), 0, 300,
                    problems);
            if (source.batchSize() > 10 && source.maxBatchingWindowSeconds() < 1) {
                problems.add(kind, f.name(), field + " maxBatchingWindowSeconds", "must be at least 1 for batches"
                        + " above 10 messages (batchSize " + source.batchSize() + "), as Lambda requires");
            }
            model.queue(source.queue()).filter(q -> q.visibilityTimeoutSeconds() < f.timeoutSeconds())
                    .ifPresent(q -> problems.add(kind, f.name(), field + " visibilityTimeoutSeconds", "of queue '"
                            + q.name() + "' is " + q.visibilityTimeoutSeconds() + " s, less than the function's"
                            + " timeout of " + f.timeoutSeconds() + " s; Lambda refuses such an event source"
                            + " (AWS advises six times the timeout)"));
        }
    }

    /** Lambda's ranges for a DynamoDB stream event source mapping. */
    private static void checkStreamSources(FunctionDeclaration f, Problems problems) {
        for (FunctionDeclaration.StreamSource source : f.streamSources()) {
            String field = "consumesStream '" + source.table() + "':";
            range(FunctionDeclaration.KIND, f.name(), field + " batchSize", source.batchSize(), 1, 10_000, problems);
            range(FunctionDeclaration.KIND, f.name(), field + " maximumRetryAttempts (-1: until the record expires)",
                    source.maximumRetryAttempts(), -1, 10_000, problems);
        }
    }

    private static void checkSubscription(PlatformModel model, SubscriptionDeclaration s, Problems problems) {
        String kind = SubscriptionDeclaration.KIND;
        range(kind, s.name(), "retryPolicy maximumRetryAttempts", s.retryPolicy().maximumRetryAttempts(), 0, 185,
                problems);
        range(kind, s.name(), "retryPolicy maximumEventAgeSeconds", s.retryPolicy().maximumEventAgeSeconds(), 60,
                86_400, problems);
        int inputs = (s.input() != null ? 1 : 0) + (s.inputPath() != null ? 1 : 0)
                + (s.inputTransformer() != null ? 1 : 0);
        if (inputs > 1) {
            problems.add(kind, s.name(), "input", "excludes inputPath and inputTransformer, as in EventBridge; declare"
                    + " one of the three");
        }
        if (s.input() != null && !isJson(s.input())) {
            problems.add(kind, s.name(), "input", "must be valid JSON text; got '" + s.input() + "'");
        }
        if (s.inputPath() != null && !s.inputPath().startsWith("$")) {
            problems.add(kind, s.name(), "inputPath", "must be a JSONPath starting with '$'; got '" + s.inputPath()
                    + "'");
        }
        if (s.inputTransformer() != null) {
            checkTransformer(s, problems);
        }
        boolean fifoTarget = s.target().kind() == Reference.Kind.QUEUE
                && model.queue(s.target().name()).map(QueueDeclaration::fifo).orElse(false);
        if (fifoTarget && s.messageGroupId() == null) {
            problems.add(kind, s.name(), "messageGroupId", "is required: target " + s.target() + " is a FIFO queue");
        } else if (!fifoTarget && s.messageGroupId() != null) {
            problems.add(kind, s.name(), "messageGroupId", "applies to FIFO queue targets only; target is "
                    + s.target());
        }
    }

    private static void checkTransformer(SubscriptionDeclaration s, Problems problems) {
        String kind = SubscriptionDeclaration.KIND;
        Map<String, String> paths = s.inputTransformer().inputPathsMap();
        if (paths.size() > 100) {
            problems.add(kind, s.name(), "inputTransformer", "maps " + paths.size() + " paths; EventBridge allows"
                    + " 100");
        }
        paths.forEach((key, path) -> {
            if (key.startsWith("aws.")) {
                problems.add(kind, s.name(), "inputTransformer", "path name '" + key + "' starts with 'aws.',"
                        + " which EventBridge reserves for its own variables");
            }
            if (path == null || !path.startsWith("$")) {
                problems.add(kind, s.name(), "inputTransformer", "path '" + key + "' must be a JSONPath starting"
                        + " with '$'; got '" + path + "'");
            }
        });
        Matcher placeholders = PLACEHOLDER.matcher(s.inputTransformer().inputTemplate());
        while (placeholders.find()) {
            String used = placeholders.group(1);
            if (!paths.containsKey(used) && !EVENTBRIDGE_VARIABLES.contains(used)) {
                problems.add(kind, s.name(), "inputTransformer", "template uses <" + used + ">, which is neither in"
                        + " its paths " + paths.keySet() + " nor one of EventBridge's variables "
                        + EVENTBRIDGE_VARIABLES.stream().sorted().toList());
            }
        }
    }

    private static boolean isJson(String text) {
        try {
            SchemaJson.mapper().readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void range(String kind, String name, String field, int value, int min, int max, Problems problems) {
        if (value < min || value > max) {
            problems.add(kind, name, field, "must be " + min + "-" + max + "; got " + value);
        }
    }
}
