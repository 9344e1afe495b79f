package io.nagare.cli;

import io.nagare.cli.bench.DynamoDbBenchCommand;
import picocli.CommandLine.Command;

/** {@code nagare bench <service>}: the benchmarks whose figures go in docs/benchmarks.md. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure a local service (figures for docs/benchmarks.md).",
        subcommands = {DynamoDbBenchCommand.class})
final class BenchCommand {
}
