package org.accord.benchmark.report;

/**
 * One row of the results table: what Accord did, the raw limit it stands on measured in the same
 * run (when there is one), their ratio, and the target.
 *
 * @param id     the numbering: {@code 1a}, {@code 2b}, ...
 * @param limit  the raw broker or store figure next to it, or null
 * @param ratio  Accord / limit as {@code ratioOf} defines it, or null
 * @param notes  how it was measured and counted: sizes, concurrency, hops, what was verified
 */
public record Measurement(String id, String title, Reading accord, String limitName, Reading limit, Double ratio,
                          String ratioOf, String target, Verdict verdict, String notes) {

    public static Builder of(String id, String title, Reading accord) {
        return new Builder(id, title, accord);
    }

    public static final class Builder {
        private final String id;
        private final String title;
        private final Reading accord;
        private String limitName;
        private Reading limit;
        private Double ratio;
        private String ratioOf;
        private String target;
        private Verdict verdict = Verdict.NO_TARGET;
        private String notes = "";

        private Builder(String id, String title, Reading accord) {
            this.id = id;
            this.title = title;
            this.accord = accord;
        }

        public Builder limit(String name, Reading reading) {
            this.limitName = name;
            this.limit = reading;
            return this;
        }

        public Builder ratio(double value, String definition) {
            this.ratio = Double.isNaN(value) || Double.isInfinite(value) ? null : value;
            this.ratioOf = definition;
            return this;
        }

        public Builder target(String text, boolean met) {
            this.target = text;
            this.verdict = Verdict.of(met);
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public Measurement build() {
            return new Measurement(id, title, accord, limitName, limit, ratio, ratioOf, target, verdict, notes);
        }
    }
}
