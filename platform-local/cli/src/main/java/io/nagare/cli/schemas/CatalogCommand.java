package io.nagare.cli.schemas;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.nagare.platform.model.ModelException;
import io.nagare.platform.model.PlatformModel;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.SchemaRegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nagare schemas catalog --out DIR}: the browsable event catalog, with producers and consumers from the
 * platform model of the declarations on the CLI's classpath.
 */
@Command(name = "catalog",
        mixinStandardHelpOptions = true,
        description = {"Write the event catalog: static HTML pages, readable offline, of every event type, its "
                + "versions, fields, examples, compatibility mode, producers and consumers."})
public final class CatalogCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the pages into.")
    Path out;

    @Mixin
    RegistryOption registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            SchemaRegistry schemas = registry.load();
            Path index = CatalogParticipants.catalog(schemas, PlatformModel.discover()).writeTo(out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("nagare: event catalog of " + schemas.eventTypes().size() + " event types written; open "
                    + index.toAbsolutePath());
            stdout.flush();
            return 0;
        } catch (SchemaRegistryException e) {
            return RegistryOption.fail(spec, e);
        } catch (ModelException e) {
            PrintWriter stderr = spec.commandLine().getErr();
            stderr.println("nagare schemas catalog: cannot read producers and consumers: " + e.getMessage());
            stderr.flush();
            return 1;
        }
    }
}
