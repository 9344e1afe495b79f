package io.nagare.schemas;

import java.util.List;

/**
 * The outcome of validating one event document.
 *
 * @param schema the schema version the event was checked against; null when its type or version could not be
 *               resolved (the errors then say why and list what is known)
 * @param errors every error, envelope and payload, in document order of their pointers; empty when valid
 */
public record EventValidation(EventSchemaVersion schema, List<ValidationError> errors) {

    public EventValidation {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
