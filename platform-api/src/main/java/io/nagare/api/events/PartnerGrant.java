package io.nagare.api.events;

import java.util.List;
import java.util.Objects;

/**
 * What one partner (an OAuth client) may publish: the event sources and types, and how many events a minute.
 *
 * @param clientId           the OAuth client id (the token's {@code client_id})
 * @param sources            CloudEvent sources it may publish
 * @param types              CloudEvent types (EventBridge detail-types) it may publish
 * @param rateLimitPerMinute events accepted per minute, across every instance of the function
 */
public record PartnerGrant(String clientId, List<String> sources, List<String> types, int rateLimitPerMinute) {

    public PartnerGrant {
        Objects.requireNonNull(clientId, "clientId");
        sources = List.copyOf(sources);
        types = List.copyOf(types);
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("partner '" + clientId + "': rateLimitPerMinute must be at least 1; got "
                    + rateLimitPerMinute);
        }
    }
}
