package io.nagare.schemas.catalog;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.CompatibilityMode;
import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventSchemaVersion.ExpectedError;
import io.nagare.schemas.EventSchemaVersion.InvalidExample;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaJson;

/** The page of one event type: what it is, who sends and receives it, and every version newest first. */
final class EventTypePage {

    private EventTypePage() {
    }

    static String fileName(EventType type) {
        return type.detailType() + ".html";
    }

    static String render(EventType type, Set<String> producers, Set<String> consumers) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.text(type.detailType())).append("</h1>\n");
        body.append("<p>").append(Html.prose(type.description())).append("</p>\n");
        body.append("<dl>\n");
        definition(body, "Owner", Html.text(type.owner()));
        definition(body, "Source", Html.code(type.source()));
        definition(body, "Compatibility", "<span class=\"badge\">" + type.compatibility() + "</span> "
                + Html.text(meaning(type.compatibility())));
        definition(body, "Producers", names(producers));
        definition(body, "Consumers", names(consumers));
        List<String> versionLinks = new ArrayList<>();
        for (EventSchemaVersion version : newestFirst(type)) {
            versionLinks.add(Html.link("#" + versionAnchor(version), "v" + version.version())
                    + (version == type.latest() ? " (latest)" : ""));
        }
        definition(body, "Versions", String.join(", ", versionLinks));
        body.append("</dl>\n");
        for (EventSchemaVersion version : newestFirst(type)) {
            version(body, version, version == type.latest());
        }
        return PageLayout.page(type.detailType(), body.toString());
    }

    static String versionAnchor(EventSchemaVersion version) {
        return "v" + version.version();
    }

    private static void version(StringBuilder body, EventSchemaVersion version, boolean latest) {
        String anchor = versionAnchor(version);
        body.append("<section id=\"").append(anchor).append("\">\n");
        body.append("<h2>Version ").append(version.version())
                .append(latest ? " <span class=\"badge\">latest</span>" : "").append("</h2>\n");
        body.append("<p>").append(Html.prose(version.schema().path("description").asText(""))).append("</p>\n");
        body.append("<p class=\"muted\">Schema ").append(Html.code(version.id()))
                .append(" (the CloudEvents <code>dataschema</code>)</p>\n");

        body.append("<h3 id=\"").append(anchor).append("-fields\">Fields</h3>\n");
        for (FieldTables.Table table : FieldTables.of(version)) {
            fieldTable(body, table);
        }

        body.append("<h3 id=\"").append(anchor).append("-examples\">Examples</h3>\n");
        for (EventSchemaVersion.Example example : version.validExamples()) {
            body.append("<h4>").append(Html.text(example.name())).append(" <span class=\"badge\">valid</span></h4>\n");
            body.append("<pre>").append(Html.text(prettyJson(example.data()))).append("</pre>\n");
        }
        for (InvalidExample example : version.invalidExamples()) {
            body.append("<h4>").append(Html.text(example.name()))
                    .append(" <span class=\"badge invalid\">invalid</span></h4>\n");
            body.append("<p>").append(Html.prose(example.description())).append("</p>\n");
            body.append("<table>\n<tr><th>Pointer</th><th>Keyword</th><th>Property</th></tr>\n");
            for (ExpectedError error : example.expectedErrors()) {
                body.append("<tr><td>").append(Html.code(error.pointer().isEmpty() ? "(root)" : error.pointer()))
                        .append("</td><td>").append(Html.code(error.keyword()))
                        .append("</td><td>").append(error.property() == null ? "" : Html.code(error.property()))
                        .append("</td></tr>\n");
            }
            body.append("</table>\n");
            body.append("<pre>").append(Html.text(prettyJson(example.data()))).append("</pre>\n");
        }
        if (version.validExamples().isEmpty() && version.invalidExamples().isEmpty()) {
            body.append("<p class=\"muted\">No examples.</p>\n");
        }
        body.append("<details><summary>JSON Schema</summary>\n<pre>").append(Html.text(prettyJson(version.schema())))
                .append("</pre>\n</details>\n");
        body.append("</section>\n");
    }

    private static void fieldTable(StringBuilder body, FieldTables.Table table) {
        body.append("<h4 id=\"").append(table.anchor()).append("\">").append(Html.text(table.title())).append("</h4>\n");
        if (!table.description().isEmpty()) {
            body.append("<p>").append(table.description()).append("</p>\n");
        }
        body.append("<table>\n<tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th><th>Constraints</th></tr>\n");
        for (FieldTables.Row row : table.rows()) {
            body.append("<tr><td>").append(Html.code(row.name())).append("</td><td>").append(row.type())
                    .append("</td><td>").append(row.required() ? "yes" : "no")
                    .append("</td><td>").append(row.description())
                    .append("</td><td>").append(row.constraints()).append("</td></tr>\n");
        }
        body.append("</table>\n");
        body.append(table.open()
                ? "<p class=\"muted\">Open: properties not listed here are allowed.</p>\n"
                : "<p class=\"muted\">Closed: no other properties are allowed.</p>\n");
    }

    private static String names(Set<String> names) {
        if (names.isEmpty()) {
            return "<span class=\"muted\">none declared in the platform model</span>";
        }
        return names.stream().sorted().map(Html::code).collect(Collectors.joining(", "));
    }

    private static void definition(StringBuilder body, String term, String html) {
        body.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static List<EventSchemaVersion> newestFirst(EventType type) {
        List<EventSchemaVersion> versions = new ArrayList<>(type.versions());
        Collections.reverse(versions);
        return versions;
    }

    private static String prettyJson(JsonNode json) {
        try {
            return SchemaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the compatibility mode promises, in the words of the registry README. */
    static String meaning(CompatibilityMode mode) {
        return switch (mode) {
            case BACKWARD -> "Consumers using a new version can read events written with the previous one: upgrade consumers first.";
            case BACKWARD_TRANSITIVE -> "Consumers using a new version can read events written with any earlier one: upgrade consumers first.";
            case FORWARD -> "Consumers using the previous version can read events written with a new one: upgrade producers first.";
            case FORWARD_TRANSITIVE -> "Consumers using any earlier version can read events written with a new one: upgrade producers first.";
            case FULL -> "Both backward and forward compatible with the previous version: upgrade in any order.";
            case FULL_TRANSITIVE -> "Both backward and forward compatible with every earlier version: upgrade in any order.";
            case NONE -> "No compatibility is checked between versions (only for types not yet published).";
        };
    }
}
