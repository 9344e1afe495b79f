package io.nagare.local.gateway;

import java.util.List;
import java.util.Objects;

/**
 * A partner system: an OAuth client of the issuer and what it may publish. Kept in {@code <data-dir>/partners.json}
 * (secrets included: it is the local stand-in for the Cognito app clients) and, without the secret, in the
 * {@code partners} table that {@code partner-events} reads.
 *
 * @param name               what the partner is ({@code storefront}, {@code carrier}); simulators find theirs by it
 * @param clientId           the OAuth client id
 * @param clientSecret       the OAuth client secret (HTTP Basic at the token endpoint)
 * @param scopes             the scopes it may be granted
 * @param sources            the CloudEvent sources it may publish
 * @param types              the CloudEvent types it may publish
 * @param rateLimitPerMinute events a minute {@code partner-events} accepts from it
 */
public record Partner(String name, String clientId, String clientSecret, List<String> scopes, List<String> sources,
                      List<String> types, int rateLimitPerMinute) {

    public Partner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        scopes = List.copyOf(scopes);
        sources = List.copyOf(sources);
        types = List.copyOf(types);
    }
}
