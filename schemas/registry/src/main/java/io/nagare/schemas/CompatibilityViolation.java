package io.nagare.schemas;

import java.util.ArrayList;
import java.util.List;

/**
 * A change in a newer schema version that its type's compatibility mode forbids.
 *
 * @param detailType      the event type
 * @param version         the newer version, which makes the change
 * @param comparedVersion the older version it was compared with (the previous one, or any earlier one for the
 *                        TRANSITIVE modes)
 * @param mode            the type's compatibility mode
 * @param change          what the newer version changes, e.g. {@code removes required property /currency}
 * @param location        where, in the newer schema when the change is there, else in the older, e.g.
 *                        {@code v1#/properties/currency}
 * @param backwardRules   the Confluent rules it breaks for BACKWARD (newer readers, older events); empty if none
 * @param forwardRules    the Confluent rules it breaks for FORWARD (older readers, newer events); empty if none
 */
public record CompatibilityViolation(String detailType, int version, int comparedVersion, CompatibilityMode mode,
                                     String change, String location, List<String> backwardRules,
                                     List<String> forwardRules) {

    public CompatibilityViolation {
        backwardRules = List.copyOf(backwardRules);
        forwardRules = List.copyOf(forwardRules);
    }

    /**
     * {@code OrderPlaced v2 removes required property /currency: breaks BACKWARD (v2 readers reject some v1 events:
     * PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL; at v1#/properties/currency)}.
     */
    public String message() {
        List<String> reasons = new ArrayList<>();
        if (!backwardRules.isEmpty()) {
            reasons.add("v" + version + " readers reject some v" + comparedVersion + " events: "
                    + String.join(", ", backwardRules));
        }
        if (!forwardRules.isEmpty()) {
            reasons.add("v" + comparedVersion + " readers reject some v" + version + " events: "
                    + String.join(", ", forwardRules));
        }
        return detailType + " v" + version + " " + change + ": breaks " + mode + " (" + String.join("; ", reasons)
                + "; at " + location + ")";
    }

    @Override
    public String toString() {
        return message();
    }
}
