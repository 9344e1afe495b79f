package io.nagare.cli.schemas;

import static io.nagare.cli.schemas.CliRun.nagare;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.nagare.cli.schemas.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    /** The checkout's registry (the working directory of tests is this module). */
    static final String REGISTRY = Path.of("../../schemas/events").toString();

    @TempDir
    Path workDirectory;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(workDirectory.resolve(name), content);
    }

    private static String orderPlaced(String quantity, String total) {
        return """
                {"specversion": "1.0", "id": "partner-42", "source": "nagare.partner.storefront",
                 "type": "OrderPlaced", "time": "2026-11-28T09:15:00Z",
                 "data": {"orderId": "ord-20261128-0001", "customerId": "cus-8f3a2c", "currency": "JPY",
                          "total": %s,
                          "lines": [{"sku": "TEA-SENCHA-100G", "quantity": %s, "unitPrice": 1800}]}}
                """.formatted(total, quantity);
    }

    @Test
    void validate_shouldPrintBothErrorsAndExit1_whenQuantityAndTotalAreWords() throws IOException {
        Path bad = file("bad-order.json", orderPlaced("\"two\"", "\"ten\""));

        Run run = nagare("schemas", "validate", "--registry", REGISTRY, bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo("INVALID " + bad + " (OrderPlaced v2): 2 errors\n"
                + "  /data/total: type: expected number, got string \"ten\"\n"
                + "  /data/lines/0/quantity: type: expected integer, got string \"two\"\n");
    }

    @Test
    void validate_shouldPrintOkWithTypeAndVersion_whenEveryFileIsValid() throws IOException {
        Path cloudEvent = file("order.json", orderPlaced("3600", "2"));
        Path eventBridge = file("confirmed-v1.json", """
                {"version": "0", "id": "e-1", "source": "nagare.orders", "detail-type": "OrderPlaced",
                 "detail": {"_cloudevents": {"dataschema": "https://schemas.nagare.io/events/OrderPlaced/v1"},
                            "orderId": "ord-1", "customerId": "cus-1", "currency": "EUR", "total": 19.90,
                            "lines": [{"sku": "A-1", "quantity": 1, "unitPrice": 19.90}]}}
                """);

        Run run = nagare("schemas", "validate", "--registry", REGISTRY, cloudEvent.toString(), eventBridge.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("OK " + cloudEvent + " (OrderPlaced v2)\nOK " + eventBridge
                + " (OrderPlaced v1)\n");
    }

    @Test
    void validate_shouldListKnownTypes_whenTheEventTypeIsUnknown() throws IOException {
        Path unknown = file("unknown.json", orderPlaced("1", "1").replace("\"OrderPlaced\"", "\"OrderShipped\""));

        Run run = nagare("schemas", "validate", "--registry", REGISTRY, unknown.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("INVALID " + unknown + ": 1 error\n"
                + "  /type: enum: unknown event type \"OrderShipped\"; known types: InventoryReleased, ")
                .contains("OrderPlaced", "ShipmentRequested");
    }

    @Test
    void validate_shouldSayWhereTheJsonBreaks_whenAFileIsNotJson() throws IOException {
        Path broken = file("broken.json", "{\"specversion\": \"1.0\",\n \"id\": }");

        Run run = nagare("schemas", "validate", "--registry", REGISTRY, broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("INVALID " + broken + ": not JSON: ").contains("(line 2, column");
    }

    @Test
    void validate_shouldExit2AndStillCheckTheOthers_whenAFileCannotBeRead() throws IOException {
        Path missing = workDirectory.resolve("missing.json");
        Path bad = file("bad.json", orderPlaced("\"two\"", "10"));

        Run run = nagare("schemas", "validate", "--registry", REGISTRY, missing.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("nagare schemas validate: cannot read " + missing + ": no such file\n");
        assertThat(run.stdout()).startsWith("INVALID " + bad + " (OrderPlaced v2): 1 error\n");
    }

    @Test
    void validate_shouldExit2NamingTheFolder_whenTheRegistryCannotBeRead() throws IOException {
        Path nowhere = workDirectory.resolve("nowhere");

        Run run = nagare("schemas", "validate", "--registry", nowhere.toString(),
                file("order.json", orderPlaced("1", "1800")).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("nagare schemas validate: not a folder of event schemas: " + nowhere + "\n");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void validate_shouldExit2WithUsage_whenNoFileIsGiven() {
        Run run = nagare("schemas", "validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Missing required parameter: 'FILE'").contains("Usage:");
    }
}
