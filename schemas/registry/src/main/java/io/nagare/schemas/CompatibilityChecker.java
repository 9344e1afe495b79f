package io.nagare.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every schema version keeps its type's {@link CompatibilityMode} with the earlier versions, following
 * Confluent Schema Registry's rules for JSON Schema: each version is compared with the previous one (or, for the
 * TRANSITIVE modes, with every earlier one); BACKWARD asks whether the newer schema accepts every event of the
 * older, FORWARD the reverse, FULL both. Content models (open, closed, partially open), required properties,
 * types, enums, constraints, items and nested objects are compared, {@code $ref}s into {@code $defs} followed.
 * Keywords the check does not compare (allOf, not, if/then/else, ...) may stay as they are; a change to one is
 * reported as breaking, since it cannot be shown not to be.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /** Checks every event type of the registry. */
    public static CompatibilityReport check(SchemaRegistry registry) {
        int versions = 0;
        int comparisons = 0;
        List<CompatibilityViolation> violations = new ArrayList<>();
        for (EventType type : registry.eventTypes()) {
            versions += type.versions().size();
            for (EventSchemaVersion[] pair : pairs(type)) {
                comparisons++;
                violations.addAll(compare(pair[0], pair[1], type.compatibility()));
            }
        }
        return new CompatibilityReport(registry.eventTypes().size(), versions, comparisons, violations);
    }

    /** Checks one event type's versions under its mode. */
    public static List<CompatibilityViolation> check(EventType type) {
        List<CompatibilityViolation> violations = new ArrayList<>();
        for (EventSchemaVersion[] pair : pairs(type)) {
            violations.addAll(compare(pair[0], pair[1], type.compatibility()));
        }
        return violations;
    }

    /**
     * Compares one newer version with one older version under {@code mode} (its transitivity aside); empty when
     * the change is allowed.
     */
    public static List<CompatibilityViolation> compare(EventSchemaVersion older, EventSchemaVersion newer,
                                                       CompatibilityMode mode) {
        SchemaDocument olderDocument = new SchemaDocument("v" + older.version(), older.schema());
        SchemaDocument newerDocument = new SchemaDocument("v" + newer.version(), newer.schema());
        // The same change often breaks both directions (under different rules); it is reported once.
        Map<String, Rules> changes = new LinkedHashMap<>();
        if (mode.checksBackward()) {
            for (Finding finding : SchemaComparison.breakingChanges(olderDocument, newerDocument, true)) {
                rulesOf(changes, finding).backward.add(finding.rule());
            }
        }
        if (mode.checksForward()) {
            for (Finding finding : SchemaComparison.breakingChanges(newerDocument, olderDocument, false)) {
                rulesOf(changes, finding).forward.add(finding.rule());
            }
        }
        List<CompatibilityViolation> violations = new ArrayList<>();
        for (Rules rules : changes.values()) {
            violations.add(new CompatibilityViolation(newer.detailType(), newer.version(), older.version(), mode,
                    rules.finding.change(), rules.finding.location(), List.copyOf(rules.backward),
                    List.copyOf(rules.forward)));
        }
        return violations;
    }

    private static final class Rules {
        private final Finding finding;
        private final Set<String> backward = new LinkedHashSet<>();
        private final Set<String> forward = new LinkedHashSet<>();

        private Rules(Finding finding) {
            this.finding = finding;
        }
    }

    private static Rules rulesOf(Map<String, Rules> changes, Finding finding) {
        return changes.computeIfAbsent(finding.change() + "\n" + finding.location(), key -> new Rules(finding));
    }

    /** The (older, newer) pairs the mode compares, newer versions in order. */
    private static List<EventSchemaVersion[]> pairs(EventType type) {
        List<EventSchemaVersion[]> pairs = new ArrayList<>();
        if (type.compatibility() == CompatibilityMode.NONE) {
            return pairs;
        }
        List<EventSchemaVersion> versions = type.versions();
        for (int newer = 1; newer < versions.size(); newer++) {
            int first = type.compatibility().transitive() ? 0 : newer - 1;
            for (int older = first; older < newer; older++) {
                pairs.add(new EventSchemaVersion[] {versions.get(older), versions.get(newer)});
            }
        }
        return pairs;
    }
}
