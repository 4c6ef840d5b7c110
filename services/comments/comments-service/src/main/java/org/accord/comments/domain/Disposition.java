package org.accord.comments.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the committee did with a comment, as the secretariat records it in the observations column. */
public enum Disposition {
    ACCEPTED("accepted", "Accepted"),
    /** Also called "modified": the point is taken, in other words than proposed. */
    ACCEPTED_IN_PRINCIPLE("accepted-in-principle", "Accepted in principle"),
    NOT_ACCEPTED("not-accepted", "Not accepted"),
    NOTED("noted", "Noted");

    private final String code;
    private final String label;

    Disposition(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** How the observations column of a compiled template starts for this disposition. */
    public String label() {
        return label;
    }

    /** Accepts the code ({@code accepted-in-principle}), the constant name, the label or "modified". */
    public static Optional<Disposition> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normal = value.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (normal.equals("modified")) {
            return Optional.of(ACCEPTED_IN_PRINCIPLE);
        }
        return Arrays.stream(values()).filter(d -> d.code.equals(normal)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(Disposition::code).toList().toString();
    }
}
