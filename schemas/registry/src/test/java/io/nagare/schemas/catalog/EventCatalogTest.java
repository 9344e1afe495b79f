package io.nagare.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.nagare.schemas.EventSchemaVersion;
import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.codegen.GeneratedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCatalogTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("id=\"([^\"]*)\"");

    private static SchemaRegistry ticketRegistry() {
        try {
            return SchemaRegistry.load(Path.of(EventCatalogTest.class.getResource("/catalog/events").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> pages(EventCatalog catalog) {
        return catalog.pages().stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
    }

    @Test
    void pages_shouldListEveryTypeAndVersion_whenGivenThePackedRegistry() {
        SchemaRegistry registry = SchemaRegistry.fromClasspath();

        Map<String, String> pages = pages(EventCatalog.of(registry));

        assertThat(pages).hasSize(registry.eventTypes().size() + 1);
        for (EventType type : registry.eventTypes()) {
            String page = pages.get(type.detailType() + ".html");
            assertThat(page).as(type.detailType()).isNotNull().contains("<h1>" + type.detailType() + "</h1>");
            for (EventSchemaVersion version : type.versions()) {
                assertThat(pages.get("index.html")).contains("href=\"" + type.detailType() + ".html#v" + version.version() + "\"");
                assertThat(page).contains("<section id=\"v" + version.version() + "\">");
            }
        }
    }

    @Test
    void links_shouldAllLeadToAnExistingPageAndAnchor_inThePackedRegistryAndTheFixture() {
        List<String> broken = new ArrayList<>();
        for (SchemaRegistry registry : List.of(SchemaRegistry.fromClasspath(), ticketRegistry())) {
            Map<String, String> pages = pages(EventCatalog.of(registry));
            pages.forEach((file, html) -> {
                Matcher href = HREF.matcher(html);
                while (href.find()) {
                    String link = href.group(1);
                    String target = link.startsWith("#") ? file : link.split("#", 2)[0];
                    String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
                    String targetHtml = pages.get(target);
                    if (targetHtml == null || (anchor != null && !ids(targetHtml).contains(anchor))) {
                        broken.add(file + " -> " + link);
                    }
                }
            });
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void pages_shouldHaveUniqueIds_soEveryAnchorIsUnambiguous() {
        pages(EventCatalog.of(SchemaRegistry.fromClasspath())).forEach((file, html) -> {
            List<String> ids = new ArrayList<>();
            ID.matcher(html).results().forEach(id -> ids.add(id.group(1)));
            assertThat(ids).as(file).doesNotHaveDuplicates();
        });
    }

    @Test
    void pages_shouldShowMarkupFromSchemasAsText_whenDescriptionsContainIt() {
        Map<String, String> pages = pages(EventCatalog.of(ticketRegistry()));

        for (String html : pages.values()) {
            assertThat(html).doesNotContain("<script", "<b>", "<i>");
        }
        assertThat(pages.get("index.html")).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(pages.get("TicketIssued.html")).contains("Ticket id; see &lt;b&gt;box office&lt;/b&gt;.",
                "A ticket without seats &amp; a &lt;i&gt;negative&lt;/i&gt; price.");
    }

    @Test
    void pages_shouldBeReadableOffline_withoutScriptsOrExternalAssets() {
        for (String html : pages(EventCatalog.of(ticketRegistry())).values()) {
            assertThat(html).doesNotContain("src=", "<link", "<script", "href=\"http", "@import");
        }
    }

    @Test
    void page_shouldDescribeEachFieldWithTypeRequirednessAndConstraints() {
        String page = pages(EventCatalog.of(ticketRegistry())).get("TicketIssued.html");

        assertThat(page).contains("<tr><td><code>seats</code></td><td>array of <a href=\"#v1-Seat\">Seat</a></td>"
                + "<td>yes</td><td>Seats on the ticket.</td><td><code>minItems 1</code></td></tr>");
        assertThat(page).contains("<tr><td><code>number</code></td><td>integer</td><td>yes</td><td>Seat number.</td>"
                + "<td><code>minimum 1</code><br><code>maximum 500</code></td></tr>");
        assertThat(page).contains("<td><code>tier</code></td><td>one of <code>STANDARD</code>, <code>PREMIUM</code></td><td>no</td>");
        assertThat(page).contains("<td><code>venue</code></td><td><a href=\"#v1-TicketIssued-venue\">venue</a></td>");
        assertThat(page).contains("<td><code>note</code></td><td>string</td><td>no</td><td>Free note.</td>");
        assertThat(page).contains("Price in the major unit of <code>currency</code>.");
    }

    @Test
    void page_shouldShowTheCompatibilityModeAndWhatItMeans() {
        String page = pages(EventCatalog.of(ticketRegistry())).get("TicketIssued.html");

        assertThat(page).contains("<span class=\"badge\">FULL</span> Both backward and forward compatible");
    }

    @Test
    void page_shouldShowExamples_andTheErrorsEachInvalidOneMustProduce() {
        String page = pages(EventCatalog.of(ticketRegistry())).get("TicketIssued.html");

        assertThat(page).contains("<h4>two-seats <span class=\"badge\">valid</span></h4>", "&quot;price&quot; : 49.90");
        assertThat(page).contains("<h4>no-seats <span class=\"badge invalid\">invalid</span></h4>",
                "<tr><td><code>/seats</code></td><td><code>minItems</code></td><td></td></tr>",
                "<tr><td><code>(root)</code></td><td><code>required</code></td><td><code>price</code></td></tr>");
    }

    @Test
    void pages_shouldNameProducersAndConsumers_fromWhatTheCallerPasses() {
        EventCatalog catalog = new EventCatalog(ticketRegistry(),
                Map.of("TicketIssued", Set.of("box-office.IssueTicketHandler")),
                Map.of("TicketIssued", Set.of("saga:seat-allocation", "mailer.SendTicketHandler")));

        Map<String, String> pages = pages(catalog);

        assertThat(pages.get("TicketIssued.html"))
                .contains("<dt>Producers</dt><dd><code>box-office.IssueTicketHandler</code></dd>")
                .contains("<dt>Consumers</dt><dd><code>mailer.SendTicketHandler</code>, <code>saga:seat-allocation</code></dd>");
        assertThat(pages.get("index.html")).contains("<code>box-office.IssueTicketHandler</code>");
        assertThat(pages(EventCatalog.of(ticketRegistry())).get("TicketIssued.html"))
                .contains("<dt>Producers</dt><dd><span class=\"muted\">none declared in the platform model</span></dd>");
    }

    @Test
    void writeTo_shouldWriteOneSelfContainedFolder_withIndexFirst(@TempDir Path out) {
        Path index = EventCatalog.of(ticketRegistry()).writeTo(out.resolve("catalog"));

        assertThat(index).isEqualTo(out.resolve("catalog/index.html")).isRegularFile();
        assertThat(out.resolve("catalog/TicketIssued.html")).isRegularFile();
        assertThat(Files.isDirectory(out.resolve("catalog"))).isTrue();
    }

    private static Set<String> ids(String html) {
        return ID.matcher(html).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }
}
