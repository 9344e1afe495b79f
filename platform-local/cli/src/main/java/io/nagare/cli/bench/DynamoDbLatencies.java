package io.nagare.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Latencies per operation, recorded per thread without sharing, then merged for percentiles. */
final class DynamoDbLatencies {

    private final List<Recorder> recorders = new ArrayList<>();

    synchronized Recorder recorder() {
        Recorder recorder = new Recorder();
        recorders.add(recorder);
        return recorder;
    }

    /** One thread's samples, in nanoseconds. */
    static final class Recorder {
        private final Map<DynamoDbWorkload.Operation, long[]> samples = new EnumMap<>(DynamoDbWorkload.Operation.class);
        private final Map<DynamoDbWorkload.Operation, Integer> counts = new EnumMap<>(DynamoDbWorkload.Operation.class);

        void record(DynamoDbWorkload.Operation operation, long nanos) {
            long[] values = samples.computeIfAbsent(operation, o -> new long[1024]);
            int count = counts.getOrDefault(operation, 0);
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
                samples.put(operation, values);
            }
            values[count] = nanos;
            counts.put(operation, count + 1);
        }
    }

    /** Every sample of {@code operation}, or of all operations when it is null, sorted. */
    long[] sorted(DynamoDbWorkload.Operation operation) {
        long[] all = new long[0];
        for (Recorder recorder : recorders) {
            for (DynamoDbWorkload.Operation op : recorder.samples.keySet()) {
                if (operation == null || op == operation) {
                    int count = recorder.counts.get(op);
                    int offset = all.length;
                    all = Arrays.copyOf(all, offset + count);
                    System.arraycopy(recorder.samples.get(op), 0, all, offset, count);
                }
            }
        }
        Arrays.sort(all);
        return all;
    }

    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Operations recorded, of every kind. */
    int count() {
        return sorted(null).length;
    }

    void print(PrintStream out, int seconds) {
        out.printf("%-10s %10s %10s %10s %10s%n", "operation", "count", "ops/s", "median ms", "p99 ms");
        for (DynamoDbWorkload.Operation operation : DynamoDbWorkload.Operation.values()) {
            line(out, name(operation), sorted(operation), seconds);
        }
        line(out, "total", sorted(null), seconds);
    }

    private static void line(PrintStream out, String name, long[] samples, int seconds) {
        out.printf("%-10s %,10d %,10.0f %10.2f %10.2f%n", name, samples.length, samples.length / (double) seconds,
                percentileMillis(samples, 50), percentileMillis(samples, 99));
    }

    private static String name(DynamoDbWorkload.Operation operation) {
        switch (operation) {
            case GET_ITEM:
                return "GetItem";
            case PUT_ITEM:
                return "PutItem";
            default:
                return "Query";
        }
    }
}
