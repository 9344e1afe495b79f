package io.nagare.local.runtime;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Picks the service for a request; answers the health check and requests no service claims. */
final class Router {

    private final List<LocalService> services;

    Router(List<LocalService> services) {
        this.services = List.copyOf(services);
    }

    LocalResponse route(LocalRequest request) {
        if (request.path().equals(LocalRuntime.HEALTH_PATH)) {
            return health();
        }
        for (LocalService service : services) {
            if (service.handles(request)) {
                try {
                    return service.handle(request);
                } catch (RuntimeException e) {
                    // A service must answer its own error shape; reaching here is a bug worth a stack trace.
                    System.err.println("nagare: " + service.name() + " failed on " + request.method() + " "
                            + request.path() + " " + target(request));
                    e.printStackTrace();
                    return LocalResponse.json(500, "application/x-amz-json-1.0",
                            "{\"__type\":\"InternalFailure\",\"message\":" + Json.quote(String.valueOf(e)) + "}");
                }
            }
        }
        String target = request.header("X-Amz-Target");
        if (target != null) {
            return LocalResponse.json(400, "application/x-amz-json-1.0",
                    "{\"__type\":\"UnknownOperationException\",\"message\":"
                            + Json.quote("no local service serves X-Amz-Target " + target) + "}");
        }
        return LocalResponse.text(404, "no local service serves " + request.method() + " " + request.path() + "\n");
    }

    private LocalResponse health() {
        Map<String, Boolean> ready = services.stream()
                .collect(Collectors.toMap(LocalService::name, LocalService::ready, (a, b) -> a && b,
                        java.util.LinkedHashMap::new));
        boolean allReady = ready.values().stream().allMatch(Boolean::booleanValue);
        String body = ready.entrySet().stream()
                .map(e -> Json.quote(e.getKey()) + ":" + Json.quote(e.getValue() ? "ready" : "starting"))
                .collect(Collectors.joining(",", "{\"status\":" + Json.quote(allReady ? "ready" : "starting")
                        + ",\"services\":{", "}}"));
        return LocalResponse.json(allReady ? 200 : 503, "application/json", body);
    }

    private static String target(LocalRequest request) {
        String target = request.header("X-Amz-Target");
        return target == null ? "" : "(" + target + ")";
    }
}
