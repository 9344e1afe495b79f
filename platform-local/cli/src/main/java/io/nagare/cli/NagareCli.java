package io.nagare.cli;

import io.nagare.cli.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nagare} command. Each subcommand is one class; groups ({@code bench}) hold their own. */
@Command(name = "nagare",
        mixinStandardHelpOptions = true,
        versionProvider = NagareCli.Version.class,
        description = "Nagare: event-driven business processes on AWS, and locally.",
        subcommands = {SchemasCommand.class, UpCommand.class, DemoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class NagareCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new NagareCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NagareCli.class.getPackage().getImplementationVersion();
            return new String[] {"nagare " + (version == null ? "(development build)" : version)};
        }
    }
}
