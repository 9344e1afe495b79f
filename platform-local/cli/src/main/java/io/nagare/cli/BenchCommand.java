package io.nagare.cli;

import picocli.CommandLine.Command;

/** {@code nagare bench <service>}: the benchmarks whose figures go in docs/benchmarks.md. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure a local service (figures for docs/benchmarks.md).",
        subcommands = {})
final class BenchCommand {
}
