package io.nagare.local.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one provisioning pass did: per kind of resource how many were created, updated or left as they were, and
 * the differences it could not apply without deleting data (a table's key, a queue's FIFO type).
 */
public final class ProvisioningReport {

    /** What happened to one resource. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final Map<String, int[]> counts = new TreeMap<>();
    private final List<String> changes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    synchronized void record(String kind, String name, Outcome outcome, String detail) {
        counts.computeIfAbsent(kind, k -> new int[Outcome.values().length])[outcome.ordinal()]++;
        if (outcome != Outcome.UNCHANGED) {
            changes.add(kind + " " + name + ": " + outcome.name().toLowerCase() + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
    }

    synchronized void warn(String warning) {
        warnings.add(warning);
    }

    /** How many resources of the kind ({@code table}, {@code queue}, ...) had the outcome. */
    public synchronized int count(String kind, Outcome outcome) {
        int[] byOutcome = counts.get(kind);
        return byOutcome == null ? 0 : byOutcome[outcome.ordinal()];
    }

    /** One line per created or updated resource. */
    public synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    /** Declared changes that were not applied because applying them would delete data. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** E.g. {@code 9 tables (9 created), 6 queues (6 unchanged)}. */
    public synchronized String summary() {
        StringBuilder summary = new StringBuilder();
        counts.forEach((kind, byOutcome) -> {
            int total = byOutcome[0] + byOutcome[1] + byOutcome[2];
            if (summary.length() > 0) {
                summary.append(", ");
            }
            summary.append(total).append(' ').append(kind).append(total == 1 ? "" : "s").append(" (");
            List<String> parts = new ArrayList<>();
            for (Outcome outcome : Outcome.values()) {
                if (byOutcome[outcome.ordinal()] > 0) {
                    parts.add(byOutcome[outcome.ordinal()] + " " + outcome.name().toLowerCase());
                }
            }
            summary.append(String.join(", ", parts)).append(')');
        });
        return summary.length() == 0 ? "nothing declared" : summary.toString();
    }
}
