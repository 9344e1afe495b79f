package io.nagare.cli.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.catalog.EventCatalog;

/**
 * Who produces and consumes each event, read from the platform model: producers are the functions and sagas that
 * declare they publish it; consumers are the targets of the subscriptions whose pattern names its detail-type.
 */
final class CatalogParticipants {

    private CatalogParticipants() {
    }

    static EventCatalog catalog(SchemaRegistry registry, PlatformModel model) {
        Map<String, Set<String>> producers = new HashMap<>();
        Map<String, Set<String>> consumers = new HashMap<>();
        for (EventType type : registry.eventTypes()) {
            String detailType = type.detailType();
            producers.put(detailType, model.producersOf(detailType).stream()
                    .map(CatalogParticipants::label).collect(Collectors.toSet()));
            consumers.put(detailType, model.consumersOf(detailType).stream()
                    .map(subscription -> label(subscription.target()) + " (subscription " + subscription.name() + ")")
                    .collect(Collectors.toSet()));
        }
        return new EventCatalog(registry, producers, consumers);
    }

    /** {@code function reserve-inventory}, {@code saga order-fulfilment}. */
    private static String label(Reference reference) {
        return reference.kind().label() + " " + reference.name();
    }
}
