package io.nagare.cli;

import io.nagare.cli.bench.DynamoDbBenchCommand;
import io.nagare.cli.bench.EventBridgeBenchCommand;
import io.nagare.cli.bench.StepFunctionsBenchCommand;
import picocli.CommandLine.Command;

/** {@code nagare bench <service>}: the benchmarks whose figures go in docs/benchmarks.md. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure a local service (figures for docs/benchmarks.md).",
        subcommands = {DynamoDbBenchCommand.class, StepFunctionsBenchCommand.class, EventBridgeBenchCommand.class})
final class BenchCommand {
}
