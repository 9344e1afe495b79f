package io.nagare.schemas.codegen;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A payload schema reduced to the shapes the generators emit. Object and enum types carry the type name the
 * generated code uses (PascalCase), so every language names them alike.
 */
sealed interface TypeModel {

    /** An object with a fixed set of properties, in schema order. */
    record ObjectType(String name, String description, List<Property> properties, boolean closed)
            implements TypeModel {
        public ObjectType {
            properties = List.copyOf(properties);
        }
    }

    /** A string restricted to {@code values}, in schema order. */
    record EnumType(String name, String description, List<String> values) implements TypeModel {
        public EnumType {
            values = List.copyOf(values);
        }
    }

    record ArrayType(TypeModel items) implements TypeModel {
    }

    /** A JSON scalar; {@code constant} is the {@code const} value, or null. */
    record ScalarType(Scalar scalar, JsonNode constant) implements TypeModel {
    }

    /**
     * One property of an object.
     *
     * @param constraints the validation keywords that apply, as short text for documentation ("minimum 1")
     */
    record Property(String jsonName, TypeModel type, boolean required, String description, List<String> constraints) {
        public Property {
            constraints = List.copyOf(constraints);
        }
    }

    enum Scalar {
        STRING,
        /** {@code format: date-time}. */
        DATE_TIME,
        /** {@code format: date}. */
        DATE,
        /** {@code format: iso-4217}. */
        CURRENCY,
        /** An exact decimal: money and every other {@code number}. */
        DECIMAL,
        /** An {@code integer} whose bounds fit in 32 bits. */
        INT32,
        /** Any other {@code integer}. */
        INT64,
        BOOLEAN
    }
}
