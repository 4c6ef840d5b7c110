package org.accord.benchmark.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One measured result: a single value ({@code 3,200 comments/s}) or named statistics in order
 * ({@code p50 4.10 · p99 12.0 ms}).
 */
public record Reading(Map<String, Double> values, String unit) {

    public static final String SINGLE = "value";

    public Reading {
        values = new LinkedHashMap<>(values);
    }

    public static Reading of(double value, String unit) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(SINGLE, value);
        return new Reading(values, unit);
    }

    /** Named values in the order given: {@code named("ms", "p50", 4.1, "p99", 12.0)}. */
    public static Reading named(String unit, Object... namesAndValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return new Reading(values, unit);
    }

    public static Reading stats(Map<String, Double> stats, String unit) {
        return new Reading(stats, unit);
    }

    public double value() {
        Double single = values.get(SINGLE);
        return single != null ? single : values.values().stream().findFirst().orElse(Double.NaN);
    }

    public double get(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    public String format() {
        String numbers = values.entrySet().stream()
                .map(e -> e.getKey().equals(SINGLE) ? Numbers.format(e.getValue()) : e.getKey() + " " + Numbers.format(e.getValue()))
                .collect(Collectors.joining(" · "));
        return unit == null || unit.isBlank() ? numbers : numbers + " " + unit;
    }
}
