package io.nagare.cli.schemas;

import static io.nagare.cli.schemas.CliRun.nagare;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nagare.cli.schemas.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path workDirectory;

    private static final String V1 = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "$id": "https://schemas.nagare.io/events/OrderPlaced/v1", "type": "object",
             "required": ["orderId", "currency"], "additionalProperties": false,
             "properties": {"orderId": {"type": "string"}, "currency": {"type": "string"}}}
            """;

    /** A registry whose OrderPlaced v2 drops the required currency of v1. */
    private Path breakingRegistry() throws IOException {
        Path type = Files.createDirectories(workDirectory.resolve("events/OrderPlaced"));
        Files.writeString(type.resolve("event.json"), """
                {"detailType": "OrderPlaced", "source": "nagare.partner.storefront", "owner": "orders",
                 "compatibility": "BACKWARD"}
                """);
        Files.writeString(Files.createDirectories(type.resolve("v1")).resolve("schema.json"), V1);
        Files.writeString(Files.createDirectories(type.resolve("v2")).resolve("schema.json"), V1
                .replace("/v1", "/v2").replace("[\"orderId\", \"currency\"]", "[\"orderId\"]")
                .replace(", \"currency\": {\"type\": \"string\"}", ""));
        return workDirectory.resolve("events");
    }

    @Test
    void check_shouldNameTheBreakingChangeAndExit1_whenAVersionRemovesARequiredProperty() throws IOException {
        Path registry = breakingRegistry();

        Run run = nagare("schemas", "check", "--registry", registry.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo("OrderPlaced v2 removes required property /currency: breaks BACKWARD "
                + "(v2 readers reject some v1 events: PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL; at "
                + "v1#/properties/currency)\n"
                + "nagare schemas check: 1 event type, 2 versions, 1 comparison: 1 breaking change (" + registry
                + ")\n");
    }

    @Test
    void check_shouldSummarizeAndExit0_whenTheCheckoutsRegistryIsCompatible() {
        Run run = nagare("schemas", "check", "--registry", ValidateCommandTest.REGISTRY);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("nagare schemas check: ").contains(" event types, ", ": compatible (");
    }

    @Test
    void check_shouldExit2NamingTheFolder_whenTheRegistryCannotBeRead() {
        Path nowhere = workDirectory.resolve("nowhere");

        Run run = nagare("schemas", "check", "--registry", nowhere.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("nagare schemas check: not a folder of event schemas: " + nowhere + "\n");
    }
}
