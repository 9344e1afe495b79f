package io.nagare.cli.schemas;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.nagare.schemas.EventType;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.SchemaRegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nagare schemas list}: the registry's event types at a glance. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List the event types: versions, owner (domain), source and compatibility mode.")
public final class ListCommand implements Callable<Integer> {

    private static final List<String> HEADER = List.of("TYPE", "VERSIONS", "OWNER", "SOURCE", "MODE");

    @Mixin
    RegistryOption registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SchemaRegistry schemas;
        try {
            schemas = registry.load();
        } catch (SchemaRegistryException e) {
            return RegistryOption.fail(spec, e);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        int versions = 0;
        for (EventType type : schemas.eventTypes()) {
            rows.add(List.of(type.detailType(),
                    type.versions().stream().map(v -> "v" + v.version()).collect(Collectors.joining(", ")),
                    type.owner(), type.source(), type.compatibility().name()));
            versions += type.versions().size();
        }
        PrintWriter out = spec.commandLine().getOut();
        printColumns(rows, out);
        out.println(schemas.eventTypes().size() + " event types, " + versions + " versions (" + schemas.root() + ")");
        out.flush();
        return 0;
    }

    private static void printColumns(List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = row.get(i);
                line.append(cell).append(i == widths.length - 1 ? "" : " ".repeat(widths[i] - cell.length() + 2));
            }
            out.println(line);
        }
    }
}
