package io.nagare.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A sku and a positive quantity of it. */
record StockLine(String sku, long quantity) {

    /** The sku format of every event schema: upper-case letters, digits and hyphens, at most 64 characters. */
    static final Pattern SKU = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,63}$");

    /**
     * Checks every line and merges lines of the same sku (summing quantities), sorted by sku: one write per sku, in
     * one order for every writer.
     *
     * @param where what the lines are, for error messages (e.g. {@code reserve-inventory input lines})
     * @throws IllegalArgumentException naming the line ({@code lines/2/quantity}) and what is accepted
     */
    static List<StockLine> merge(String where, List<StockLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException(where + ": at least one line is required");
        }
        Map<String, Long> bySku = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            StockLine line = lines.get(i);
            if (line == null || line.sku() == null || !SKU.matcher(line.sku()).matches()) {
                throw new IllegalArgumentException(where + "/" + i + "/sku: '" + (line == null ? null : line.sku())
                        + "' is not a sku (upper-case letters, digits and hyphens, starting with a letter or digit,"
                        + " at most 64 characters)");
            }
            if (line.quantity() < 1) {
                throw new IllegalArgumentException(where + "/" + i + "/quantity: " + line.quantity()
                        + " is not a positive integer");
            }
            bySku.merge(line.sku(), line.quantity(), Math::addExact);
        }
        List<StockLine> merged = new ArrayList<>(bySku.size());
        bySku.forEach((sku, quantity) -> merged.add(new StockLine(sku, quantity)));
        return merged;
    }
}
