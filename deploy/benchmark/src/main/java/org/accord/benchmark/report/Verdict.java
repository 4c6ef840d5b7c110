package org.accord.benchmark.report;

/** Whether a figure reaches the target; targets are reported, never asserted. */
public enum Verdict {
    MET("yes"), MISSED("**no**"), NO_TARGET("—");

    private final String mark;

    Verdict(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }

    public static Verdict of(boolean met) {
        return met ? MET : MISSED;
    }
}
