package io.nagare.cli.schemas;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.nagare.schemas.CompatibilityChecker;
import io.nagare.schemas.CompatibilityReport;
import io.nagare.schemas.CompatibilityViolation;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.SchemaRegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nagare schemas check}: every version keeps its type's compatibility mode. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check that every schema version keeps its type's compatibility mode with the earlier "
                + "versions (Confluent Schema Registry's rules for JSON Schema, open and closed content models).",
                "Prints each breaking change, then a summary.",
                "Exit code: 0 compatible, 1 breaking changes, 2 unreadable registry."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    RegistryOption registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            SchemaRegistry schemas = registry.load();
            CompatibilityReport report = CompatibilityChecker.check(schemas);
            for (CompatibilityViolation violation : report.violations()) {
                out.println(violation.message());
            }
            out.println("nagare schemas check: " + report.summary() + " (" + schemas.root() + ")");
            out.flush();
            return report.compatible() ? 0 : 1;
        } catch (SchemaRegistryException e) {
            return RegistryOption.fail(spec, e);
        }
    }
}
