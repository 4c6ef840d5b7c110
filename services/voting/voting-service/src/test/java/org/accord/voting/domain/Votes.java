package org.accord.voting.domain;

import java.time.Instant;

/** Test data: recorded votes. */
final class Votes {

    private static final Instant AT = Instant.parse("2027-03-01T10:00:00Z");

    private Votes() {
    }

    static Vote p(String memberBody, Position position) {
        return vote(memberBody, Membership.P, position, position == Position.DISAPPROVE ? "technical reasons" : null, null);
    }

    static Vote p(String memberBody, Position position, String reasons) {
        return vote(memberBody, Membership.P, position, reasons, null);
    }

    static Vote o(String memberBody, Position position) {
        return vote(memberBody, Membership.O, position, position == Position.DISAPPROVE ? "technical reasons" : null, null);
    }

    static Vote vote(String memberBody, Membership membership, Position position, String reasons, Boolean commits) {
        return new Vote(memberBody, membership, position, reasons, commits, Boolean.TRUE.equals(commits) ? "An Expert" : null,
                1, false, memberBody, AT);
    }
}
