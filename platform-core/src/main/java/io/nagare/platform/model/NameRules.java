package io.nagare.platform.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Names are unique per kind and valid for the AWS service that creates the resource. AWS requires a name to be
 * unique per kind in an account and region (a rule name per bus); the model asks for one per kind across all
 * buses too, so a name alone identifies a declaration.
 */
final class NameRules {

    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern RULE = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern STATE_MACHINE = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Pattern BUS = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+|\\{[A-Za-z0-9_]+}");
    private static final Pattern GREEDY_SEGMENT = Pattern.compile("\\{[A-Za-z0-9_]+\\+}");

    private NameRules() {
    }

    static void check(PlatformModel model, Problems problems) {
        unique(FunctionDeclaration.KIND, model.functions(), FunctionDeclaration::name, FunctionDeclaration::owner,
                problems);
        unique(SubscriptionDeclaration.KIND, model.subscriptions(), SubscriptionDeclaration::name,
                SubscriptionDeclaration::owner, problems);
        unique(SagaDeclaration.KIND, model.sagas(), SagaDeclaration::name, SagaDeclaration::owner, problems);
        unique(TableDeclaration.KIND, model.tables(), TableDeclaration::name, TableDeclaration::owner, problems);
        unique(QueueDeclaration.KIND, model.queues(), QueueDeclaration::name, QueueDeclaration::owner, problems);
        unique(EventBusDeclaration.KIND, model.buses(), EventBusDeclaration::name, EventBusDeclaration::owner,
                problems);
        unique(ApiRouteDeclaration.KIND, model.routes(), ApiRouteDeclaration::key, ApiRouteDeclaration::owner,
                problems);

        for (FunctionDeclaration f : model.functions()) {
            matches(FUNCTION, f.name(), FunctionDeclaration.KIND, "1-64 letters, digits, '-' or '_' (Lambda)",
                    problems);
        }
        for (SubscriptionDeclaration s : model.subscriptions()) {
            matches(RULE, s.name(), SubscriptionDeclaration.KIND,
                    "1-64 letters, digits, '.', '-' or '_' (EventBridge rule)", problems);
        }
        for (SagaDeclaration s : model.sagas()) {
            matches(STATE_MACHINE, s.name(), SagaDeclaration.KIND, "1-80 letters, digits, '-' or '_' (Step Functions"
                    + " state machine that logs to CloudWatch)", problems);
        }
        for (TableDeclaration t : model.tables()) {
            matches(TABLE, t.name(), TableDeclaration.KIND, "3-255 letters, digits, '_', '-' or '.' (DynamoDB)",
                    problems);
        }
        for (QueueDeclaration q : model.queues()) {
            if (q.fifo()) {
                matches(FIFO_QUEUE, q.name(), QueueDeclaration.KIND, "1-75 letters, digits, '-' or '_' followed by"
                        + " '.fifo', 80 characters in all (SQS FIFO queue)", problems);
            } else {
                matches(QUEUE, q.name(), QueueDeclaration.KIND, "1-80 letters, digits, '-' or '_' (SQS standard"
                        + " queue; a FIFO queue is declared with fifo() and named '<name>.fifo')", problems);
            }
        }
        for (EventBusDeclaration b : model.buses()) {
            matches(BUS, b.name(), EventBusDeclaration.KIND, "1-256 letters, digits, '/', '.', '-' or '_'"
                    + " (EventBridge event bus)", problems);
            if (b.name().startsWith("aws.")) {
                problems.add(EventBusDeclaration.KIND, b.name(), "name", "must not start with 'aws.', which"
                        + " EventBridge reserves for AWS partner buses");
            }
        }
        checkRoutes(model.routes(), problems);
    }

    private static <T> void unique(String kind, List<T> declarations, Function<T, String> name,
            Function<T, String> owner, Problems problems) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (T declaration : declarations) {
            owners.computeIfAbsent(name.apply(declaration), n -> new ArrayList<>())
                    .add(owner.apply(declaration));
        }
        owners.forEach((declared, by) -> {
            if (by.size() > 1) {
                problems.add(kind, declared, "name", "is declared " + by.size() + " times (owners: "
                        + String.join(", ", by) + "); a " + kind + " name must be unique");
            }
        });
    }

    private static void matches(Pattern pattern, String name, String kind, String expected, Problems problems) {
        if (!pattern.matcher(name).matches()) {
            problems.add(kind, name, "name", "must be " + expected + "; got '" + name + "' (" + name.length()
                    + (name.length() == 1 ? " character)" : " characters)"));
        }
    }

    private static void checkRoutes(List<ApiRouteDeclaration> routes, Problems problems) {
        Map<String, String> shapes = new LinkedHashMap<>();
        for (ApiRouteDeclaration route : routes) {
            if (!ApiRouteDeclaration.METHODS.contains(route.method())) {
                problems.add(ApiRouteDeclaration.KIND, route.key(), "method", "must be one of "
                        + ApiRouteDeclaration.METHODS + "; got '" + route.method() + "'");
            }
            String pathProblem = pathProblem(route.path());
            if (pathProblem != null) {
                problems.add(ApiRouteDeclaration.KIND, route.key(), "path", pathProblem);
                continue;
            }
            // API Gateway matches /orders/{id} and /orders/{orderId} alike: same shape, same route.
            String shape = route.method() + " " + route.path().replaceAll("\\{[A-Za-z0-9_]+}", "{}");
            String other = shapes.putIfAbsent(shape, route.key());
            if (other != null && !other.equals(route.key())) {
                problems.add(ApiRouteDeclaration.KIND, route.key(), "path", "conflicts with route '" + other
                        + "': API Gateway cannot tell paths apart that differ only in parameter names");
            }
        }
    }

    private static String pathProblem(String path) {
        if (path.equals("/")) {
            return null;
        }
        String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[] {""};
        Set<String> parameters = new HashSet<>();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (!PATH_SEGMENT.matcher(segments[i]).matches()
                    && !(last && GREEDY_SEGMENT.matcher(segments[i]).matches())) {
                return "must start with '/' and be segments of letters, digits and URL characters or '{parameter}',"
                        + " with an optional last '{proxy+}'; got '" + path + "'";
            }
            if (segments[i].startsWith("{") && !parameters.add(segments[i].replace("+", ""))) {
                return "names the parameter " + segments[i] + " twice; got '" + path + "'";
            }
        }
        return null;
    }
}
