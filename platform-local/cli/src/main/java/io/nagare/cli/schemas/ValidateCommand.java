package io.nagare.cli.schemas;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.EventValidation;
import io.nagare.schemas.EventValidator;
import io.nagare.schemas.SchemaJson;
import io.nagare.schemas.SchemaRegistry;
import io.nagare.schemas.SchemaRegistryException;
import io.nagare.schemas.ValidationError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nagare schemas validate FILE...}: checks event files against the registry. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Validate events against the schema registry: CloudEvents 1.0 (JSON) or EventBridge events, "
                + "envelope and payload, against the version named by dataschema (else the latest).",
                "Prints 'OK file (Type vN)' or each error as 'pointer: keyword: expected ..., got ...'.",
                "Exit code: 0 all valid, 1 any invalid, 2 usage error or unreadable file."})
public final class ValidateCommand implements Callable<Integer> {

    private static final int INVALID = 1;
    private static final int UNREADABLE = 2;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files (JSON).")
    List<Path> files;

    @Mixin
    RegistryOption registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventValidator validator;
        try {
            validator = new EventValidator(registry.load());
        } catch (SchemaRegistryException e) {
            return RegistryOption.fail(spec, e);
        }
        int exitCode = 0;
        for (Path file : files) {
            exitCode = Math.max(exitCode, validate(validator, file, out, err));
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    private static int validate(EventValidator validator, Path file, PrintWriter out, PrintWriter err) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("nagare schemas validate: cannot read " + file + ": " + reason(e));
            return UNREADABLE;
        }
        JsonNode document;
        try {
            document = SchemaJson.mapper().readTree(content);
        } catch (JsonProcessingException e) {
            out.println("INVALID " + file + ": not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            return INVALID;
        } catch (IOException e) {
            err.println("nagare schemas validate: cannot read " + file + ": " + reason(e));
            return UNREADABLE;
        }
        if (document.isMissingNode()) {
            out.println("INVALID " + file + ": empty file, expected an event (JSON object)");
            return INVALID;
        }
        EventValidation result = validator.validate(document);
        String schema = result.schema() == null ? "" : " (" + result.schema().label() + ")";
        if (result.valid()) {
            out.println("OK " + file + schema);
            return 0;
        }
        int count = result.errors().size();
        out.println("INVALID " + file + schema + ": " + count + (count == 1 ? " error" : " errors"));
        for (ValidationError error : result.errors()) {
            out.println("  " + error);
        }
        return INVALID;
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
