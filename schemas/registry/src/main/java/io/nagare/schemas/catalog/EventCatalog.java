package io.nagare.schemas.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.codegen.GeneratedFile;

/**
 * The event catalog: a folder of static HTML pages ({@code index.html} and one page per event type) that reads
 * offline, with no scripts and no external assets. Who produces and consumes each event comes from the platform
 * model, which the caller passes in, so the registry does not depend on it.
 *
 * @param registry  the event types to describe
 * @param producers by detail-type: the functions or partners that publish the event
 * @param consumers by detail-type: the functions, sagas or queues its subscriptions deliver it to
 */
public record EventCatalog(SchemaRegistry registry, Map<String, Set<String>> producers,
                           Map<String, Set<String>> consumers) {

    public EventCatalog {
        producers = copy(producers);
        consumers = copy(consumers);
    }

    /** A catalog without producers and consumers, for when no platform model is at hand. */
    public static EventCatalog of(SchemaRegistry registry) {
        return new EventCatalog(registry, Map.of(), Map.of());
    }

    public List<GeneratedFile> pages() {
        List<GeneratedFile> pages = new ArrayList<>();
        pages.add(new GeneratedFile(IndexPage.FILE_NAME, IndexPage.render(registry.eventTypes(), producers, consumers)));
        for (EventType type : registry.eventTypes()) {
            pages.add(new GeneratedFile(EventTypePage.fileName(type), EventTypePage.render(type,
                    producers.getOrDefault(type.detailType(), Set.of()),
                    consumers.getOrDefault(type.detailType(), Set.of()))));
        }
        return pages;
    }

    /** Writes every page into {@code directory} and returns the path of {@code index.html}. */
    public Path writeTo(Path directory) {
        pages().forEach(page -> page.writeTo(directory));
        return directory.resolve(IndexPage.FILE_NAME);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> namesByDetailType) {
        return namesByDetailType.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue())));
    }
}
