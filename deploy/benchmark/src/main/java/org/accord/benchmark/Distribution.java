package org.accord.benchmark;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples of one quantity (latencies in milliseconds, mostly) and their percentiles by the
 * nearest-rank method: the p-th percentile is the smallest sample such that at least p % of the
 * samples are at or below it. No interpolation, so every percentile reported is a value that
 * was really measured, and p100 is the maximum.
 */
public final class Distribution {

    private final double[] sorted;

    private Distribution(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    public static Distribution of(double... values) {
        return new Distribution(values);
    }

    public static Distribution of(Collection<? extends Number> values) {
        return new Distribution(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** Nanosecond durations, reported in milliseconds. */
    public static Distribution ofNanos(Collection<Long> nanos) {
        return new Distribution(nanos.stream().mapToDouble(n -> n / 1_000_000.0).toArray());
    }

    public int count() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The nearest-rank percentile, {@code 0 < p <= 100}; p0 asks for the minimum. NaN when there are no samples. */
    public double percentile(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("A percentile lies between 0 and 100, not " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (p == 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
    }

    public double min() {
        return percentile(0);
    }

    public double max() {
        return percentile(100);
    }

    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).sum() / sorted.length;
    }

    /** The named percentiles, e.g. {@code stats(50, 95, 99)} gives p50, p95 and p99 in that order. */
    public Map<String, Double> stats(double... percentiles) {
        Map<String, Double> stats = new LinkedHashMap<>();
        for (double p : percentiles) {
            stats.put("p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)), percentile(p));
        }
        return stats;
    }
}
