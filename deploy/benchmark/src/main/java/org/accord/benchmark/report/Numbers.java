package org.accord.benchmark.report;

import java.util.Locale;

/** How figures are written in the report: as many digits as a noisy 2-core measurement deserves. */
public final class Numbers {

    private Numbers() {
    }

    /** 12,345 · 123 · 12.3 · 1.23 · 0.012; "n/a" for NaN. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 0.1 || abs == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A value rounded for the JSON file: 3 significant decimals are more than the noise allows. */
    public static Double rounded(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }
}
