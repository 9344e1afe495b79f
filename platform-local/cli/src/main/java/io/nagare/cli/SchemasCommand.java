package io.nagare.cli;

import picocli.CommandLine.Command;

/** {@code nagare schemas <action>}: the event schema registry's tools. */
@Command(name = "schemas",
        mixinStandardHelpOptions = true,
        description = "Validate events, check compatibility, generate code and the catalog from schemas/events.",
        subcommands = {io.nagare.cli.schemas.GenerateCommand.class, io.nagare.cli.schemas.CatalogCommand.class})
final class SchemasCommand {
}
