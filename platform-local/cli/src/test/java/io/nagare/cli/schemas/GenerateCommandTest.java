package io.nagare.cli.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.nagare.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path workDirectory;

    /** A registry folder holding one event type, {@code Sample} v1 owned by {@code samples}. */
    static Path sampleRegistry(Path directory, String schema) throws IOException {
        Path version = Files.createDirectories(directory.resolve("Sample/v1"));
        Files.writeString(directory.resolve("Sample/event.json"),
                "{\"detailType\": \"Sample\", \"source\": \"nagare.samples\", \"owner\": \"samples\"}");
        Files.writeString(version.resolve("schema.json"), schema);
        return directory;
    }

    @Test
    void generate_shouldWriteTypeScriptDeclarations_whenLangIsTypescript() {
        Path out = workDirectory.resolve("ts");

        CliRun.Run run = CliRun.nagare("schemas", "generate", "--lang", "typescript", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(out.resolve("index.d.ts")).content().contains("OrderPlaced: OrderPlacedV2.OrderPlaced;");
        assertThat(out.resolve("OrderPlaced/v2.d.ts")).content().contains("export interface OrderPlaced {");
        assertThat(run.stdout()).startsWith("nagare: wrote ").contains(" typescript files for ", out.toString());
    }

    @Test
    void generate_shouldWriteJavaRecords_whenLangIsJava() {
        Path out = workDirectory.resolve("java");

        CliRun.Run run = CliRun.nagare("schemas", "generate", "--lang", "java", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(out.resolve("io/nagare/events/orders/v2/OrderPlaced.java")).content()
                .contains("public record OrderPlaced(");
        assertThat(out.resolve("io/nagare/events/EventTypes.java")).exists();
    }

    @Test
    void generate_shouldFailNamingTheConstruct_whenASchemaUsesWhatNoGeneratorSupports() throws IOException {
        Path registry = sampleRegistry(workDirectory.resolve("events"),
                "{\"type\": \"object\", \"properties\": {\"x\": {\"oneOf\": [{\"type\": \"string\"}]}}}");

        CliRun.Run run = CliRun.nagare("schemas", "generate", "--lang", "typescript", "--registry", registry.toString(),
                "--out", workDirectory.resolve("ts").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo(
                "nagare schemas generate: not supported: oneOf at /properties/x/oneOf in Sample v1" + System.lineSeparator());
        assertThat(workDirectory.resolve("ts")).doesNotExist();
    }

    @Test
    void generate_shouldListTheLanguages_whenLangIsUnknown() {
        CliRun.Run run = CliRun.nagare("schemas", "generate", "--lang", "cobol", "--out", workDirectory.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("cobol").contains("JAVA, TYPESCRIPT");
    }

    @Test
    void registryOption_shouldPreferTheCheckoutUnderNagareHome_whenItHasSchemas() throws IOException {
        sampleRegistry(workDirectory.resolve("schemas/events"), "{\"type\": \"object\"}");
        RegistryOption option = new RegistryOption();

        SchemaRegistry fromHome = option.load(Map.of("NAGARE_HOME", workDirectory.toString())::get);
        SchemaRegistry packed = option.load(Map.of("NAGARE_HOME", workDirectory.resolve("elsewhere").toString())::get);

        assertThat(fromHome.eventType("Sample")).isPresent();
        assertThat(packed.eventType("OrderPlaced")).isPresent();
        assertThat(packed.eventType("Sample")).isEmpty();
    }
}
