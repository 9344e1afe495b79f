package io.nagare.infra.security;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.nagare.infra.PlatformEnvironment;

/**
 * What the platform's identity provider serves.
 *
 * @param environment the deployment
 * @param scopes      the OAuth scopes the API's routes require, as routes name them ({@code processes/read}: resource
 *                    server {@code processes}, scope {@code read}; a scope without {@code /} belongs to {@code nagare})
 * @param partners    the partner systems, one client-credentials app client each ({@code storefront}, ...)
 */
public record PartnerIdentityProps(PlatformEnvironment environment, SortedSet<String> scopes,
                                   SortedSet<String> partners) {

    public PartnerIdentityProps(PlatformEnvironment environment, Set<String> scopes, Set<String> partners) {
        this(environment, new TreeSet<>(scopes), new TreeSet<>(partners));
    }

    public PartnerIdentityProps {
        Objects.requireNonNull(environment, "environment");
        scopes = new TreeSet<>(scopes);
        partners = new TreeSet<>(partners);
    }
}
