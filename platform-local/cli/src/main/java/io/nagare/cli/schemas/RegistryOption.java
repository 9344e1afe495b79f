package io.nagare.cli.schemas;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.SchemaRegistryException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --registry DIR}: which schemas the command reads. Without it: {@code $NAGARE_HOME/schemas/events} when
 * that folder exists (a checkout, via the {@code ./nagare} launcher), else the registry packed in the CLI.
 */
public final class RegistryOption {

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

    /**
     * Reports a registry error as one line on stderr, without a stack trace (the message names the file), and
     * returns the exit code of every schemas command for it: 2, as for a usage error; 1 means the events or
     * schemas were read and found wrong.
     */
    static int fail(CommandSpec spec, SchemaRegistryException e) {
        PrintWriter stderr = spec.commandLine().getErr();
        stderr.println("nagare schemas " + spec.name() + ": " + e.getMessage());
        stderr.flush();
        return 2;
    }
}
