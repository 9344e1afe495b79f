package io.nagare.schemas;

/** The schema files are not as the registry expects; the message names the file and what is wrong. */
public class SchemaRegistryException extends RuntimeException {

    public SchemaRegistryException(String message) {
        super(message);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
