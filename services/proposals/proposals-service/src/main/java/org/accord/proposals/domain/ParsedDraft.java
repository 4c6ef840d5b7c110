package org.accord.proposals.domain;

import java.util.List;
import java.util.Optional;

import org.accord.proposals.events.Clause;

/** A draft's text cut into its clauses; {@code preamble} is what stands before the first heading. */
public record ParsedDraft(String text, String sha256, String preamble, List<ClauseText> clauseTexts) {

    public ParsedDraft {
        clauseTexts = List.copyOf(clauseTexts);
    }

    public List<Clause> clauses() {
        return clauseTexts.stream().map(ClauseText::toClause).toList();
    }

    public Optional<ClauseText> clause(String number) {
        return clauseTexts.stream().filter(c -> c.number().equals(number)).findFirst();
    }
}
