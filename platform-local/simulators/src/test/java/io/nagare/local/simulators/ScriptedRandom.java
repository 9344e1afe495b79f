package io.nagare.local.simulators;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** Random decisions a test chooses: {@link #nextDouble()} returns the scripted values, then {@code fallback}. */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Double> doubles = new ArrayDeque<>();
    private final double fallback;

    ScriptedRandom(double fallback, double... scripted) {
        this.fallback = fallback;
        for (double value : scripted) {
            doubles.add(value);
        }
    }

    synchronized void then(double... values) {
        for (double value : values) {
            doubles.add(value);
        }
    }

    @Override
    public synchronized double nextDouble() {
        return doubles.isEmpty() ? fallback : doubles.poll();
    }

    @Override
    public int nextInt(int bound) {
        return 4242 % bound;
    }

    @Override
    public long nextLong() {
        return 4242;
    }
}
