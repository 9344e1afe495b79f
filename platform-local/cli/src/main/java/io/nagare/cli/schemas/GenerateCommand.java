package io.nagare.cli.schemas;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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
}
