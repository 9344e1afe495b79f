package io.nagare.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One direction of a compatibility check: can a reader that validates with the reader schema accept every event
 * that the writer schema allows? BACKWARD compares with the older version as writer and the newer as reader;
 * FORWARD the other way round. The rules are Confluent Schema Registry's for JSON Schema (content models open,
 * closed or partially open; see {@link ObjectComparison}); each finding is worded as what the newer version
 * changes, whichever side it is on.
 */
final class SchemaComparison {

    private final SchemaDocument writer;
    private final SchemaDocument reader;
    private final boolean readerIsNewer;
    /** Writer/reader pairs being compared further up the stack: a recursive $ref meeting itself. */
    private final Set<String> inProgress;
    private final List<Finding> findings = new ArrayList<>();

    private SchemaComparison(SchemaDocument writer, SchemaDocument reader, boolean readerIsNewer,
                             Set<String> inProgress) {
        this.writer = writer;
        this.reader = reader;
        this.readerIsNewer = readerIsNewer;
        this.inProgress = inProgress;
    }

    /** The changes that keep a reader of {@code reader} from accepting every event of {@code writer}. */
    static List<Finding> breakingChanges(SchemaDocument writer, SchemaDocument reader, boolean readerIsNewer) {
        SchemaComparison comparison = new SchemaComparison(writer, reader, readerIsNewer, new HashSet<>());
        comparison.compare(writer.root(), reader.root(), "");
        return comparison.findings;
    }

    /** A comparison whose findings are kept apart, to try an alternative before reporting. */
    SchemaComparison trial() {
        return new SchemaComparison(writer, reader, readerIsNewer, inProgress);
    }

    boolean compatible() {
        return findings.isEmpty();
    }

    void adopt(SchemaComparison trial) {
        findings.addAll(trial.findings);
    }

    boolean readerIsNewer() {
        return readerIsNewer;
    }

    /** Of a writer-side and a reader-side value, the one of the older version. */
    <T> T older(T writerSide, T readerSide) {
        return readerIsNewer ? writerSide : readerSide;
    }

    /** Of a writer-side and a reader-side value, the one of the newer version. */
    <T> T newer(T writerSide, T readerSide) {
        return readerIsNewer ? readerSide : writerSide;
    }

    /** The data location as messages show it: a pointer, or "the payload" for the root. */
    static String where(String path) {
        return path.isEmpty() ? "the payload" : path;
    }

    /**
     * Records a breaking change. Its location is the keyword in the newer schema, else in the older one, else the
     * node itself.
     */
    void report(String rule, String change, SchemaNode writerNode, SchemaNode readerNode, String keyword) {
        SchemaNode newNode = newer(writerNode, readerNode);
        SchemaNode oldNode = older(writerNode, readerNode);
        String newLabel = newer(writer, reader).label();
        String oldLabel = older(writer, reader).label();
        String location;
        if (keyword != null && newNode.has(keyword)) {
            location = newLabel + "#" + newNode.pointer() + "/" + keyword;
        } else if (keyword != null && oldNode.has(keyword)) {
            location = oldLabel + "#" + oldNode.pointer() + "/" + keyword;
        } else if (!newNode.isAbsent()) {
            location = newLabel + "#" + newNode.pointer();
        } else {
            location = oldLabel + "#" + oldNode.pointer();
        }
        findings.add(new Finding(rule, change, location));
    }

    /** Compares the schemas of one data location ({@code path}, e.g. {@code /lines/x/quantity}). */
    void compare(SchemaNode writerNode, SchemaNode readerNode, String path) {
        SchemaNode w = writer.resolve(writerNode);
        SchemaNode r = reader.resolve(readerNode);
        if (SchemaKeywords.rejectsAll(w) || SchemaKeywords.acceptsAll(r)) {
            return;
        }
        String pair = w.pointer() + (w.isAbsent() ? "(absent)" : "") + "|" + r.pointer();
        if (!inProgress.add(pair)) {
            // Recursive schemas: this pair is already being compared further up; assume it holds there.
            return;
        }
        try {
            compareResolved(w, r, path);
        } finally {
            inProgress.remove(pair);
        }
    }

    private void compareResolved(SchemaNode w, SchemaNode r, String path) {
        if (SchemaKeywords.rejectsAll(r)) {
            report("TYPE_CHANGED", readerIsNewer ? "forbids " + where(path) + " (schema false)"
                    : "allows " + where(path) + ", which " + reader.label() + " forbids (schema false)", w, r, null);
            return;
        }
        if (SchemaKeywords.unionKeyword(w) != null || SchemaKeywords.unionKeyword(r) != null) {
            compareAlternatives(w, r, path);
            return;
        }
        if (!compareTypes(w, r, path)) {
            return;
        }
        compareAllowedValues(w, r, path);
        ConstraintComparison.compare(this, w, r, path);
        compareItems(w, r, path);
        ObjectComparison.compare(this, w, r, path);
        compareUncompared(w, r, path);
    }

    /** Returns whether the types still overlap (if not, comparing further keywords says nothing more). */
    private boolean compareTypes(SchemaNode w, SchemaNode r, String path) {
        Set<String> writerTypes = SchemaKeywords.types(w);
        Set<String> readerTypes = SchemaKeywords.types(r);
        if (covers(readerTypes, writerTypes)) {
            return true;
        }
        Set<String> oldTypes = older(writerTypes, readerTypes);
        Set<String> newTypes = newer(writerTypes, readerTypes);
        String verb = covers(newTypes, oldTypes) ? "widens" : covers(oldTypes, newTypes) ? "narrows" : "changes";
        report(covers(writerTypes, readerTypes) ? "TYPE_NARROWED" : "TYPE_CHANGED", verb + " the type of "
                + where(path) + " from " + typeNames(oldTypes) + " to " + typeNames(newTypes), w, r, "type");
        return overlap(writerTypes, readerTypes);
    }

    /** Whether every value of the {@code inner} types is of an {@code outer} type (null: any type). */
    private static boolean covers(Set<String> outer, Set<String> inner) {
        if (outer == null) {
            return true;
        }
        if (inner == null) {
            return false;
        }
        return inner.stream().allMatch(type -> outer.contains(type) || "integer".equals(type) && outer.contains("number"));
    }

    private static boolean overlap(Set<String> a, Set<String> b) {
        if (a == null || b == null) {
            return true;
        }
        return a.stream().anyMatch(type -> b.contains(type) || "integer".equals(type) && b.contains("number")
                || "number".equals(type) && b.contains("integer"));
    }

    private static String typeNames(Set<String> types) {
        return types == null ? "any" : String.join(" or ", types);
    }

    private void compareAllowedValues(SchemaNode w, SchemaNode r, String path) {
        List<JsonNode> writerValues = SchemaKeywords.allowedValues(w);
        List<JsonNode> readerValues = SchemaKeywords.allowedValues(r);
        if (readerValues == null || writerValues != null && readerValues.containsAll(writerValues)) {
            return;
        }
        String rule = writerValues == null || writerValues.containsAll(readerValues)
                ? "ENUM_ARRAY_NARROWED" : "ENUM_ARRAY_CHANGED";
        List<JsonNode> oldValues = older(writerValues, readerValues);
        List<JsonNode> newValues = newer(writerValues, readerValues);
        String change;
        if (oldValues == null) {
            change = "restricts " + where(path) + " to " + newValues;
        } else if (newValues == null) {
            change = "lifts the restriction of " + where(path) + " to " + oldValues;
        } else {
            List<JsonNode> added = newValues.stream().filter(v -> !oldValues.contains(v)).toList();
            List<JsonNode> removed = oldValues.stream().filter(v -> !newValues.contains(v)).toList();
            change = added.isEmpty() ? "removes " + removed + " from the allowed values of " + where(path)
                    : removed.isEmpty() ? "adds " + added + " to the allowed values of " + where(path)
                    : "changes the allowed values of " + where(path) + ": adds " + added + ", removes " + removed;
        }
        report(rule, change, w, r, w.has("enum") || r.has("enum") ? "enum" : "const");
    }

    private void compareItems(SchemaNode w, SchemaNode r, String path) {
        JsonNode writerItems = w.get("items");
        JsonNode readerItems = r.get("items");
        boolean tuples = writerItems != null && writerItems.isArray() || readerItems != null && readerItems.isArray();
        if (tuples) {
            // Draft 7 tuples; 2020-12 writes them as prefixItems, which is not compared either.
            reportUncompared("items", w, r, path);
        } else {
            compare(w.child("items"), r.child("items"), path + "/*");
        }
    }

    private void compareUncompared(SchemaNode w, SchemaNode r, String path) {
        for (String keyword : SchemaKeywords.NOT_COMPARED) {
            reportUncompared(keyword, w, r, path);
        }
    }

    private void reportUncompared(String keyword, SchemaNode w, SchemaNode r, String path) {
        if (!Objects.equals(w.get(keyword), r.get(keyword))) {
            report("CHANGE_NOT_COMPARED", "changes " + keyword + " of " + where(path)
                    + " (not supported: the compatibility check does not compare " + keyword
                    + "; keep it unchanged or use compatibility NONE)", w, r, keyword);
        }
    }

    /**
     * Unions ({@code anyOf}/{@code oneOf} alone, e.g. "string or null"): every writer alternative must be accepted
     * by some reader alternative. A non-union side counts as a union of one.
     */
    private void compareAlternatives(SchemaNode w, SchemaNode r, String path) {
        String writerUnion = SchemaKeywords.unionKeyword(w);
        String readerUnion = SchemaKeywords.unionKeyword(r);
        List<SchemaNode> readerAlternatives = SchemaKeywords.alternatives(r);
        if ("anyOf".equals(writerUnion) && "oneOf".equals(readerUnion) && readerAlternatives.size() > 1) {
            // oneOf rejects values that match two alternatives, which anyOf accepted.
            report("COMBINED_TYPE_CHANGED", "changes " + older(writerUnion, readerUnion) + " of " + where(path)
                    + " to " + newer(writerUnion, readerUnion), w, r, readerUnion);
            return;
        }
        for (SchemaNode alternative : SchemaKeywords.alternatives(w)) {
            SchemaComparison closest = null;
            for (SchemaNode candidate : readerAlternatives) {
                SchemaComparison trial = trial();
                trial.compare(alternative, candidate, path);
                if (trial.compatible()) {
                    closest = null;
                    break;
                }
                if (closest == null || trial.findings.size() < closest.findings.size()) {
                    closest = trial;
                }
            }
            if (closest == null) {
                continue;
            }
            if (readerAlternatives.size() == 1) {
                adopt(closest);
            } else {
                String union = readerUnion == null ? writerUnion : readerUnion;
                report("COMBINED_TYPE_SUBSCHEMAS_CHANGED", (readerIsNewer ? "drops or narrows an alternative ("
                        : "adds or widens an alternative (") + union + ") of " + where(path), alternative, r, null);
            }
        }
    }
}
