package io.nagare.local.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nagare.platform.model.ApiRouteDeclaration;
import io.nagare.platform.model.Reference;

/**
 * Picks the route of a request as an HTTP API does: the most specific path wins (a literal segment beats
 * {@code {param}}, which beats a greedy {@code {proxy+}}), then a route of the request's method beats {@code ANY}.
 */
final class HttpApiRoutes {

    private final List<ApiRouteDeclaration> routes;

    HttpApiRoutes(List<ApiRouteDeclaration> routes) {
        for (ApiRouteDeclaration route : routes) {
            if (route.target().kind() != Reference.Kind.FUNCTION) {
                throw new IllegalArgumentException("not supported: route '" + route.key() + "' targets a "
                        + route.target().kind().name().toLowerCase() + " ('" + route.target().name() + "'); the local"
                        + " gateway integrates with Lambda functions only");
            }
        }
        this.routes = List.copyOf(routes);
    }

    /** A matched route and the values of its path parameters. */
    record Match(ApiRouteDeclaration route, Map<String, String> pathParameters) {
    }

    Optional<Match> match(String method, String path) {
        Match best = null;
        long bestScore = -1;
        String[] segments = segments(path);
        for (ApiRouteDeclaration route : routes) {
            if (!route.method().equals(method) && !route.method().equals("ANY")) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            long score = score(segments(route.path()), segments, parameters);
            if (score < 0) {
                continue;
            }
            score = score * 2 + (route.method().equals(method) ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = new Match(route, parameters);
            }
        }
        return Optional.ofNullable(best);
    }

    /** How specific the template is for the path (higher is more), or -1 when it does not match. */
    private static long score(String[] template, String[] path, Map<String, String> parameters) {
        long score = 0;
        for (int i = 0; i < template.length; i++) {
            String segment = template[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= path.length) {
                    return -1;
                }
                parameters.put(segment.substring(1, segment.length() - 2),
                        String.join("/", List.of(path).subList(i, path.length)));
                return score * 3;
            }
            if (i >= path.length) {
                return -1;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), path[i]);
                score = score * 3 + 1;
            } else if (segment.equals(path[i])) {
                score = score * 3 + 2;
            } else {
                return -1;
            }
        }
        return template.length == path.length ? score * 3 + 2 : -1;
    }

    private static String[] segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments.toArray(String[]::new);
    }
}
