package org.accord.voting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code part} of {@code whole}, compared with a threshold {@code num/den} by integer
 * cross-multiplication ({@code part * den >= num * whole}), so exactly 2/3 is exactly 2/3.
 * The percentage is for people to read; no decision is ever taken on it.
 */
record Proportion(int part, int whole) {

    Proportion {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException(part + " of " + whole + " is not a proportion");
        }
    }

    boolean empty() {
        return whole == 0;
    }

    boolean atLeast(int num, int den) {
        return (long) part * den >= (long) num * whole;
    }

    boolean atMost(int num, int den) {
        return (long) part * den <= (long) num * whole;
    }

    boolean lessThan(int num, int den) {
        return (long) part * den < (long) num * whole;
    }

    /** "12 of 13 (92.3%)". */
    @Override
    public String toString() {
        if (whole == 0) {
            return part + " of " + whole;
        }
        BigDecimal percent = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        return part + " of " + whole + " (" + percent.toPlainString() + "%)";
    }
}
