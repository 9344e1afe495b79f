package io.nagare.local.lambda;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.runtime.AwsServiceException;
import io.nagare.local.runtime.LocalRequest;
import io.nagare.local.runtime.LocalResponse;

/**
 * Lambda's REST API paths: Invoke, GetFunction, GetFunctionConfiguration, GetFunctionConcurrency, ListFunctions,
 * GetFunctionEventInvokeConfig, ListFunctionEventInvokeConfigs, GetEventSourceMapping and ListEventSourceMappings.
 * Every other Lambda path answers "not supported": functions, their asynchronous invocation configuration and their
 * event source mappings come from the platform model, not from API calls.
 */
final class LambdaApi {

    private static final String FUNCTION = "/(?<name>[^/]+)";
    private static final List<String> PREFIXES = List.of("/2015-03-31/functions", "/2015-03-31/event-source-mappings",
            "/2019-09-30/functions/", "/2017-10-31/functions/", "/2014-11-13/functions/", "/2016-08-19/account-settings",
            "/2019-09-25/functions/", "/2021-10-31/functions/");

    private record Route(String method, Pattern path, BiFunction<Matcher, LocalRequest, LocalResponse> handler) {
    }

    private final List<Route> routes;

    LambdaApi(FunctionRegistry functions, InvokeOperation invoke, FunctionQueries queries,
              EventSourceMappings mappings) {
        this.routes = List.of(
                route("POST", "/2015-03-31/functions" + FUNCTION + "/invocations",
                        (m, r) -> invoke.invoke(m.group("name"), r)),
                route("GET", "/2015-03-31/functions", (m, r) -> ok(queries.list(r))),
                route("GET", "/2015-03-31/functions" + FUNCTION, (m, r) -> ok(queries.getFunction(m.group("name"), r))),
                route("GET", "/2015-03-31/functions" + FUNCTION + "/configuration",
                        (m, r) -> ok(queries.getConfiguration(m.group("name"), r))),
                route("GET", "/2019-09-30/functions" + FUNCTION + "/concurrency",
                        (m, r) -> ok(queries.getConcurrency(m.group("name")))),
                route("GET", "/2019-09-25/functions" + FUNCTION + "/event-invoke-config",
                        (m, r) -> ok(queries.getEventInvokeConfig(m.group("name"), r))),
                route("GET", "/2019-09-25/functions" + FUNCTION + "/event-invoke-config/list",
                        (m, r) -> ok(queries.listEventInvokeConfigs(m.group("name")))),
                route("(PUT|POST|DELETE)", "/2019-09-25/functions" + FUNCTION + "/event-invoke-config", (m, r) -> {
                    throw LambdaApiException.notSupported(switch (r.method()) {
                        case "PUT" -> "PutFunctionEventInvokeConfig";
                        case "POST" -> "UpdateFunctionEventInvokeConfig";
                        default -> "DeleteFunctionEventInvokeConfig";
                    } + " of " + m.group("name") + ": a function's asynchronous invocation configuration (retries,"
                            + " maximum event age, destinations) comes from the platform model");
                }),
                route("GET", "/2015-03-31/event-source-mappings", (m, r) -> ok(mappings.list(r, functions))),
                route("GET", "/2015-03-31/event-source-mappings/(?<uuid>[^/]+)",
                        (m, r) -> ok(mappings.get(m.group("uuid")))));
    }

    static boolean handles(LocalRequest request) {
        return PREFIXES.stream().anyMatch(request.path()::startsWith);
    }

    LocalResponse handle(LocalRequest request) {
        String path = request.path().endsWith("/") && request.path().length() > 1
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        try {
            for (Route route : routes) {
                Matcher matcher = route.path().matcher(path);
                if (request.method().matches(route.method()) && matcher.matches()) {
                    return route.handler().apply(matcher, request);
                }
            }
            throw LambdaApiException.notSupported("Lambda " + request.method() + " " + request.path() + "; the local"
                    + " Lambda serves Invoke, GetFunction, GetFunctionConfiguration, GetFunctionConcurrency,"
                    + " ListFunctions, GetFunctionEventInvokeConfig, ListFunctionEventInvokeConfigs,"
                    + " GetEventSourceMapping and ListEventSourceMappings (functions, their asynchronous invocation"
                    + " configuration and their event source mappings come from the platform model)");
        } catch (AwsServiceException e) {
            return LambdaResponses.error(e);
        }
    }

    private static Route route(String method, String path, BiFunction<Matcher, LocalRequest, LocalResponse> handler) {
        return new Route(method, Pattern.compile(path), handler);
    }

    private static LocalResponse ok(JsonNode body) {
        return LambdaResponses.json(200, body);
    }
}
