package io.nagare.cli;

import io.nagare.cli.schemas.CatalogCommand;
import io.nagare.cli.schemas.CheckCommand;
import io.nagare.cli.schemas.GenerateCommand;
import io.nagare.cli.schemas.ListCommand;
import io.nagare.cli.schemas.ValidateCommand;
import picocli.CommandLine.Command;

/** {@code nagare schemas <action>}: the event schema registry's tools. */
@Command(name = "schemas",
        mixinStandardHelpOptions = true,
        description = "Validate events, check compatibility, generate code and the catalog from schemas/events.",
        subcommands = {ValidateCommand.class, CheckCommand.class, ListCommand.class, GenerateCommand.class,
                CatalogCommand.class})
final class SchemasCommand {
}
