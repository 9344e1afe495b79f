package io.nagare.cli.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandTest {

    @TempDir
    Path workDirectory;

    @Test
    void catalog_shouldWriteAnIndexAndAPagePerEventType_fromTheDefaultRegistry() {
        Path out = workDirectory.resolve("catalog");

        CliRun.Run run = CliRun.nagare("schemas", "catalog", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(out.resolve("index.html")).content().contains("href=\"OrderPlaced.html#v2\"");
        assertThat(out.resolve("OrderPlaced.html")).content().contains("<section id=\"v1\">", "<section id=\"v2\">");
        assertThat(run.stdout()).contains("open " + out.resolve("index.html").toAbsolutePath());
    }

    @Test
    void catalog_shouldReadTheGivenRegistry_whenRegistryIsSet() throws Exception {
        Path registry = GenerateCommandTest.sampleRegistry(workDirectory.resolve("events"),
                "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}");
        Path out = workDirectory.resolve("catalog");

        CliRun.Run run = CliRun.nagare("schemas", "catalog", "--registry", registry.toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(out.resolve("Sample.html")).exists();
        assertThat(out.resolve("OrderPlaced.html")).doesNotExist();
    }

    @Test
    void catalog_shouldFailInOneLineNamingTheFolder_whenTheRegistryDoesNotExist() {
        Path missing = workDirectory.resolve("no-such-folder");

        CliRun.Run run = CliRun.nagare("schemas", "catalog", "--registry", missing.toString(),
                "--out", workDirectory.resolve("catalog").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("nagare schemas catalog: not a folder of event schemas: " + missing
                + System.lineSeparator());
    }
}
