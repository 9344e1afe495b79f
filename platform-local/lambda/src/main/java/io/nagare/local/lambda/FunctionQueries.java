package io.nagare.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.runtime.LocalRequest;
import io.nagare.platform.model.FunctionDeclaration;

/**
 * GetFunction, GetFunctionConfiguration, GetFunctionConcurrency, ListFunctions, GetFunctionEventInvokeConfig and
 * ListFunctionEventInvokeConfigs: each function's configuration as Lambda shows it, from its declaration. Code is
 * not shown: it is the handler class on the runtime's classpath. Every function has an asynchronous invocation
 * configuration on {@code $LATEST}, as the CDK app deploys one for each (its retry attempts at least).
 */
final class FunctionQueries {

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final FunctionRegistry functions;
    private final Arns arns;
    private final String lastModified;
    private final Instant deployedAt;

    /** @param deployedAt when the runtime deployed the model, the functions' {@code LastModified} */
    FunctionQueries(FunctionRegistry functions, Arns arns, Instant deployedAt) {
        this.functions = functions;
        this.arns = arns;
        this.lastModified = LAST_MODIFIED.format(deployedAt);
        this.deployedAt = deployedAt;
    }

    /** GetFunctionEventInvokeConfig: the declaration's retries, event age and destinations. */
    ObjectNode getEventInvokeConfig(String functionName, LocalRequest request) {
        return eventInvokeConfig(functions.resolve(functionName, request.queryParameter("Qualifier")));
    }

    /** ListFunctionEventInvokeConfigs: the one configuration each function has, on {@code $LATEST}. */
    ObjectNode listEventInvokeConfigs(String functionName) {
        ObjectNode response = Jsons.MAPPER.createObjectNode();
        response.putArray("FunctionEventInvokeConfigs").add(eventInvokeConfig(functions.resolve(functionName, null)));
        return response;
    }

    private ObjectNode eventInvokeConfig(DeployedFunction function) {
        FunctionDeclaration declaration = function.declaration();
        ObjectNode config = Jsons.MAPPER.createObjectNode();
        // A timestamp in Lambda's REST-JSON: epoch seconds, with milliseconds as the fraction.
        config.put("LastModified", deployedAt.toEpochMilli() / 1000.0);
        config.put("FunctionArn", function.arn() + ":" + DeployedFunction.VERSION);
        config.put("MaximumRetryAttempts", declaration.asyncRetryAttempts());
        config.put("MaximumEventAgeInSeconds", declaration.maximumEventAgeSeconds());
        ObjectNode destinations = config.putObject("DestinationConfig");
        ObjectNode onSuccess = destinations.putObject("OnSuccess");
        if (declaration.onSuccess() != null) {
            onSuccess.put("Destination", AsyncDestinations.arn(arns, declaration.onSuccess()));
        }
        ObjectNode onFailure = destinations.putObject("OnFailure");
        if (declaration.onFailure() != null) {
            onFailure.put("Destination", AsyncDestinations.arn(arns, declaration.onFailure()));
        }
        return config;
    }

    ObjectNode getFunction(String functionName, LocalRequest request) {
        DeployedFunction function = functions.resolve(functionName, request.queryParameter("Qualifier"));
        ObjectNode response = Jsons.MAPPER.createObjectNode();
        response.set("Configuration", configuration(function));
        Integer reserved = function.declaration().reservedConcurrency();
        if (reserved != null) {
            response.putObject("Concurrency").put("ReservedConcurrentExecutions", reserved);
        }
        return response;
    }

    ObjectNode getConfiguration(String functionName, LocalRequest request) {
        return configuration(functions.resolve(functionName, request.queryParameter("Qualifier")));
    }

    ObjectNode getConcurrency(String functionName) {
        Integer reserved = functions.resolve(functionName, null).declaration().reservedConcurrency();
        ObjectNode response = Jsons.MAPPER.createObjectNode();
        if (reserved != null) {
            response.put("ReservedConcurrentExecutions", reserved);
        }
        return response;
    }

    /** ListFunctions: by name, {@code MaxItems} (1-10000, default 50) at a time from {@code Marker}. */
    ObjectNode list(LocalRequest request) {
        int maxItems = Paging.maxItems(request);
        String marker = request.queryParameter("Marker");
        List<DeployedFunction> all = List.copyOf(functions.all());
        ObjectNode response = Jsons.MAPPER.createObjectNode();
        ArrayNode listed = response.putArray("Functions");
        int from = Paging.start(marker, all.stream().map(DeployedFunction::name).toList());
        for (int i = from; i < all.size() && listed.size() < maxItems; i++) {
            listed.add(configuration(all.get(i)));
            if (listed.size() == maxItems && i + 1 < all.size()) {
                response.put("NextMarker", all.get(i + 1).name());
            }
        }
        return response;
    }

    ObjectNode configuration(DeployedFunction function) {
        FunctionDeclaration declaration = function.declaration();
        ObjectNode config = Jsons.MAPPER.createObjectNode();
        config.put("FunctionName", function.name());
        config.put("FunctionArn", function.arn());
        config.put("Runtime", FunctionVariables.RUNTIME);
        config.put("Role", "arn:aws:iam::" + arns.accountId() + ":role/" + function.name());
        config.put("Handler", declaration.handler());
        config.put("CodeSize", 0);
        config.put("Description", "owned by " + declaration.owner());
        config.put("Timeout", declaration.timeoutSeconds());
        config.put("MemorySize", declaration.memoryMb());
        config.put("LastModified", lastModified);
        config.put("CodeSha256", "");
        config.put("Version", DeployedFunction.VERSION);
        ObjectNode variables = config.putObject("Environment").putObject("Variables");
        function.configuredVariables().forEach(variables::put);
        config.putObject("TracingConfig").put("Mode", "PassThrough");
        config.put("RevisionId", UUID.nameUUIDFromBytes((function.arn() + lastModified)
                .getBytes(StandardCharsets.UTF_8)).toString());
        if (declaration.deadLetterQueue() != null) {
            config.putObject("DeadLetterConfig").put("TargetArn", arns.queue(declaration.deadLetterQueue()));
        }
        config.put("State", "Active");
        config.put("LastUpdateStatus", "Successful");
        config.put("PackageType", "Zip");
        config.putArray("Architectures").add("arm64");
        config.putObject("EphemeralStorage").put("Size", 512);
        config.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", function.logGroupName());
        return config;
    }
}
