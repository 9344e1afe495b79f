package io.nagare.schemas;

import java.util.List;

/**
 * The outcome of checking a registry's compatibility.
 *
 * @param eventTypes  how many event types were read
 * @param versions    how many schema versions they have in all
 * @param comparisons how many (older, newer) pairs were compared under their modes
 * @param violations  every forbidden change, by type, version and compared version; empty when compatible
 */
public record CompatibilityReport(int eventTypes, int versions, int comparisons,
                                  List<CompatibilityViolation> violations) {

    public CompatibilityReport {
        violations = List.copyOf(violations);
    }

    public boolean compatible() {
        return violations.isEmpty();
    }

    /** {@code 15 event types, 16 versions, 1 comparison: compatible}, or the number of breaking changes. */
    public String summary() {
        return plural(eventTypes, "event type") + ", " + plural(versions, "version") + ", "
                + plural(comparisons, "comparison") + ": "
                + (compatible() ? "compatible" : plural(violations.size(), "breaking change"));
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
