package io.nagare.cli.schemas;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.nagare.cli.NagareCli;

/** Runs the CLI in-process as {@code ./nagare} would, capturing what it prints. */
final class CliRun {

    private CliRun() {
    }

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs the CLI as {@code ./nagare} would, capturing what it prints. */
    static Run nagare(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exitCode = NagareCli.run(args);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
