package io.nagare.cli.schemas;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.SchemaRegistryException;
import io.nagare.schemas.codegen.GeneratedFile;
import io.nagare.schemas.codegen.TargetLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nagare schemas generate --lang java|typescript --out DIR}: types for every event schema version. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Generate types from every event schema version.",
                "java: records in io.nagare.events.<owner>.v<N> (the build puts them in nagare-events).",
                "typescript: declarations for partners, <DetailType>/v<N>.d.ts and index.d.ts."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--lang", required = true, paramLabel = "LANG",
            description = "java or typescript.")
    TargetLanguage language;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write into; files of the same name are replaced, others are left alone.")
    Path out;

    @Mixin
    RegistryOption registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            SchemaRegistry schemas = registry.load();
            List<GeneratedFile> files = language.generate(schemas);
            files.forEach(file -> file.writeTo(out));
            long versions = schemas.eventTypes().stream().mapToLong(type -> type.versions().size()).sum();
            stdout.printf("nagare: wrote %d %s files for %d event types (%d versions) to %s%n", files.size(),
                    language.name().toLowerCase(Locale.ROOT), schemas.eventTypes().size(), versions, out);
            stdout.flush();
            return 0;
        } catch (SchemaRegistryException e) {
            return RegistryOption.fail(spec, e);
        }
    }

    /**
     * {@code --registry DIR}: which schemas the command reads. Without it: {@code $NAGARE_HOME/schemas/events} when
     * that folder exists (a checkout, via the {@code ./nagare} launcher), else the registry packed in the CLI.
     */
    public static final class RegistryOption {

        @Option(names = "--registry", paramLabel = "DIR",
                description = "Folder of event schemas (default: $NAGARE_HOME/schemas/events when it exists,"
                        + " else the schemas this CLI was built with).")
        Path directory;

        SchemaRegistry load() {
            return load(System::getenv);
        }

        SchemaRegistry load(UnaryOperator<String> environment) {
            if (directory != null) {
                return SchemaRegistry.load(directory);
            }
            String home = environment.apply("NAGARE_HOME");
            if (home != null && Files.isDirectory(Path.of(home, "schemas", "events"))) {
                return SchemaRegistry.load(Path.of(home, "schemas", "events"));
            }
            return SchemaRegistry.fromClasspath();
        }

        /** Reports a registry error as one line on stderr, without a stack trace: the message names the file. */
        static int fail(CommandSpec spec, SchemaRegistryException e) {
            PrintWriter stderr = spec.commandLine().getErr();
            stderr.println("nagare schemas " + spec.name() + ": " + e.getMessage());
            stderr.flush();
            return 1;
        }
    }
}
