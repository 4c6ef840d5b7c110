package org.accord.proposals.domain;

/** P = participating member (must vote), O = observing member (may comment, votes on open ballots). */
public enum MembershipStatus {
    P, O
}
