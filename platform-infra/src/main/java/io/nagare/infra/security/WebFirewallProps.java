package io.nagare.infra.security;

import java.util.List;
import java.util.Objects;

import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What a {@link WebFirewall} protects and how.
 *
 * @param scope            {@code REGIONAL} (Cognito, load balancers) or {@code CLOUDFRONT} (must be in us-east-1)
 * @param allowedCountries ISO 3166 country codes requests may come from (the seed's geographic restriction)
 * @param requestsPer5Min  requests one client IP may make in five minutes before it is blocked
 * @param logsKey          the key encrypting the firewall's request log
 * @param logRetention     how long the request log is kept
 */
public record WebFirewallProps(String scope, List<String> allowedCountries, int requestsPer5Min, IKey logsKey,
                               RetentionDays logRetention) {

    public WebFirewallProps {
        Objects.requireNonNull(scope, "scope");
        allowedCountries = List.copyOf(allowedCountries);
        if (allowedCountries.isEmpty()) {
            throw new IllegalArgumentException("a web firewall needs at least one allowed country");
        }
        Objects.requireNonNull(logsKey, "logsKey");
        Objects.requireNonNull(logRetention, "logRetention");
    }
}
