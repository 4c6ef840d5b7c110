package org.accord.proposals.domain;

import org.accord.proposals.events.Clause;

/**
 * One clause of a draft with its text: the number its heading gives it ({@code 3.2},
 * {@code Annex A}, {@code A.1}, or the title of an unnumbered section such as Foreword), the
 * heading's title, level and 1-based line, and the body up to the next heading.
 */
public record ClauseText(String number, String title, int level, int line, String heading, String body) {

    public Clause toClause() {
        return new Clause(number, title);
    }

    /** Heading and body as compared between versions. */
    public String content() {
        return body.isEmpty() ? heading : heading + "\n\n" + body;
    }
}
