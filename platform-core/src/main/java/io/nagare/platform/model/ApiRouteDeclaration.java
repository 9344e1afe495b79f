package io.nagare.platform.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route of the partner HTTP API (API Gateway HTTP API on AWS, the local HTTP server locally). Unless public,
 * a route needs a valid JWT from the platform's issuer carrying one of {@code scopes} (any scope when empty).
 *
 * @param method      GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY
 * @param path        the path, with {@code {parameter}} segments and an optional last {@code {proxy+}}
 * @param owner       the bounded context that owns it
 * @param scopes      OAuth scopes, any one of which grants access
 * @param publicRoute whether the route takes requests without a token (default false)
 * @param target      the function (usually), saga, queue or bus that serves it
 */
public record ApiRouteDeclaration(String method, String path, String owner, Set<String> scopes,
                                  boolean publicRoute, Reference target) {

    static final String KIND = "route";
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

    public ApiRouteDeclaration {
        Declarations.require(KIND, method + " " + path, "method", method);
        Declarations.require(KIND, method + " " + path, "path", path);
        Declarations.require(KIND, method + " " + path, "owner", owner);
        Declarations.require(KIND, method + " " + path, "target", target);
        scopes = Collections.unmodifiableSet(new TreeSet<>(scopes));
    }

    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(method, path).owner(owner).target(target);
        builder.scopes.addAll(scopes);
        builder.publicRoute = publicRoute;
        return builder;
    }

    /** {@code POST /v1/events}: the route's name, as API Gateway's route key. */
    public String key() {
        return method + " " + path;
    }

    /** Builds an {@link ApiRouteDeclaration}; see the record for each field's default. */
    public static final class Builder {
        private final String method;
        private final String path;
        private String owner;
        private final Set<String> scopes = new TreeSet<>();
        private boolean publicRoute;
        private Reference target;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder scopes(String... oauthScopes) {
            scopes.addAll(List.of(oauthScopes));
            return this;
        }

        /** Takes requests without a token; for what a caller needs before it has one. */
        public Builder publicRoute() {
            this.publicRoute = true;
            return this;
        }

        public Builder target(Reference target) {
            this.target = target;
            return this;
        }

        public ApiRouteDeclaration build() {
            return new ApiRouteDeclaration(method, path, owner, scopes, publicRoute, target);
        }
    }
}
