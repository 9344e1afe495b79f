package io.nagare.schemas;

/**
 * One change between two schema versions that breaks a reader, found by comparing in one direction.
 *
 * @param rule     the Confluent Schema Registry difference type (e.g. {@code PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL})
 * @param change   what the newer version changes, from the older to the newer, e.g.
 *                 {@code removes required property /currency}
 * @param location where in which version's schema, e.g. {@code v1#/properties/currency}
 */
record Finding(String rule, String change, String location) {
}
