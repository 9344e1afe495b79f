package io.nagare.schemas.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.nagare.schemas.EventType;

/** {@code index.html}: every event type, grouped by the domain that owns it. */
final class IndexPage {

    static final String FILE_NAME = "index.html";

    private IndexPage() {
    }

    static String render(List<EventType> types, Map<String, Set<String>> producers, Map<String, Set<String>> consumers) {
        Map<String, List<EventType>> byOwner = new TreeMap<>(types.stream().collect(Collectors.groupingBy(EventType::owner)));
        int versions = types.stream().mapToInt(type -> type.versions().size()).sum();
        StringBuilder body = new StringBuilder();
        body.append("<h1>Event catalog</h1>\n");
        body.append("<p>").append(types.size()).append(" event types, ").append(versions)
                .append(" schema versions. Each event's payload is the EventBridge <code>detail</code> or the CloudEvents"
                        + " <code>data</code>; a CloudEvent's <code>type</code> is the detail-type.</p>\n");
        body.append("<p>Owners: ").append(byOwner.keySet().stream()
                .map(owner -> Html.link("#" + ownerAnchor(owner), owner)).collect(Collectors.joining(", ")))
                .append("</p>\n");
        for (Map.Entry<String, List<EventType>> owner : byOwner.entrySet()) {
            body.append("<h2 id=\"").append(ownerAnchor(owner.getKey())).append("\">").append(Html.text(owner.getKey()))
                    .append("</h2>\n");
            body.append("<table>\n<tr><th>Event</th><th>Versions</th><th>Source</th><th>Compatibility</th>"
                    + "<th>Producers</th><th>Consumers</th><th>Description</th></tr>\n");
            for (EventType type : owner.getValue()) {
                String page = EventTypePage.fileName(type);
                body.append("<tr><td>").append(Html.link(page, type.detailType())).append("</td><td>")
                        .append(type.versions().stream()
                                .map(v -> Html.link(page + "#" + EventTypePage.versionAnchor(v), "v" + v.version()))
                                .collect(Collectors.joining(" ")))
                        .append("</td><td>").append(Html.code(type.source()))
                        .append("</td><td>").append(type.compatibility())
                        .append("</td><td>").append(names(producers.getOrDefault(type.detailType(), Set.of())))
                        .append("</td><td>").append(names(consumers.getOrDefault(type.detailType(), Set.of())))
                        .append("</td><td>").append(Html.prose(type.description())).append("</td></tr>\n");
            }
            body.append("</table>\n");
        }
        return PageLayout.page("Events", body.toString());
    }

    private static String ownerAnchor(String owner) {
        return "owner-" + Html.id(owner);
    }

    private static String names(Set<String> names) {
        return names.stream().sorted().map(Html::code).collect(Collectors.joining("<br>"));
    }
}
