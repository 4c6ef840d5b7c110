package org.accord.publication.domain;

import java.util.List;

/**
 * One clause of a published text as its heading numbers it ({@code 1}, {@code 3.2},
 * {@code Annex A}); unnumbered sections (Foreword, Introduction) carry their title as number.
 * The body is the clause's own lines up to the next heading, subclauses being clauses of their own.
 */
public record Clause(String number, String title, int level, List<String> body) {

    public Clause {
        body = List.copyOf(body);
    }
}
