package io.nagare.cli;

import picocli.CommandLine.Command;

/** {@code nagare schemas <action>}: the event schema registry's tools. */
@Command(name = "schemas",
        mixinStandardHelpOptions = true,
        description = "Validate events, check compatibility, generate code and the catalog from schemas/events.",
        subcommands = {})
final class SchemasCommand {
}
