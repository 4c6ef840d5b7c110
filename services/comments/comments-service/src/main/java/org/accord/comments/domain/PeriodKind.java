package org.accord.comments.domain;

import java.util.Optional;
import java.util.Set;

/** COMMITTEE: a consultation the editor opens (30.20); ENQUIRY: comments that come with a DIS or FDIS ballot. */
public enum PeriodKind {
    COMMITTEE, ENQUIRY;

    private static final Set<String> COMMENTED_BALLOTS = Set.of("DIS", "FDIS");

    /** Only enquiry and approval ballots carry comments in the template; NP, SR and withdrawal ballots do not. */
    public static Optional<PeriodKind> forBallot(String ballotType) {
        return ballotType != null && COMMENTED_BALLOTS.contains(ballotType) ? Optional.of(ENQUIRY) : Optional.empty();
    }
}
