package io.nagare.local.lambda;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployed functions by name, and what a {@code FunctionName} parameter names: a name, an ARN or a partial ARN
 * ({@code 000000000000:function:name}), optionally qualified; only {@code $LATEST} exists locally.
 */
final class FunctionRegistry {

    /** Lambda's pattern for FunctionName, with groups for the region, account, name and qualifier. */
    private static final Pattern FUNCTION_NAME = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + "(?<region>[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(?<account>\\d{12}:)?(function:)?"
            + "(?<name>[a-zA-Z0-9-_\\.]+)(:(?<qualifier>\\$LATEST|[a-zA-Z0-9-_]+))?");

    private final Map<String, DeployedFunction> byName = new TreeMap<>();
    private final Arns arns;

    FunctionRegistry(Collection<DeployedFunction> functions, Arns arns) {
        functions.forEach(f -> byName.put(f.name(), f));
        this.arns = arns;
    }

    /** Every function, sorted by name. */
    Collection<DeployedFunction> all() {
        return byName.values();
    }

    /** The function of that name, or null. */
    DeployedFunction named(String name) {
        return byName.get(name);
    }

    /**
     * The function {@code functionName} names.
     *
     * @param qualifier the {@code Qualifier} parameter, or null
     * @throws LambdaApiException {@code ValidationException} for a malformed name, {@code ResourceNotFoundException}
     *                            for an unknown function, another region or account, or a version or alias
     */
    DeployedFunction resolve(String functionName, String qualifier) {
        Matcher matcher = FUNCTION_NAME.matcher(functionName);
        if (!matcher.matches() || functionName.length() > 256) {
            throw new LambdaApiException("ValidationException", "1 validation error detected: Value '"
                    + functionName + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular"
                    + " expression pattern: " + FUNCTION_NAME.pattern().replaceAll("\\?<[a-z]+>", ""), 400);
        }
        String named = matcher.group("qualifier");
        if (named != null && qualifier != null && !named.equals(qualifier)) {
            throw LambdaApiException.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        String version = named != null ? named : qualifier;
        String region = trimColon(matcher.group("region"), arns.region());
        String account = trimColon(matcher.group("account"), arns.accountId());
        String arn = new Arns(region, account).function(matcher.group("name"));
        DeployedFunction function = region.equals(arns.region()) && account.equals(arns.accountId())
                ? byName.get(matcher.group("name")) : null;
        if (function == null) {
            throw LambdaApiException.functionNotFound(arn);
        }
        if (version != null && !version.equals(DeployedFunction.VERSION)) {
            throw LambdaApiException.functionNotFound(arn + ":" + version);
        }
        return function;
    }

    private static String trimColon(String group, String otherwise) {
        return group == null ? otherwise : group.substring(0, group.length() - 1);
    }
}
