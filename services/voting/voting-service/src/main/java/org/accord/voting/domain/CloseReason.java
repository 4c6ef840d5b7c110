package org.accord.voting.domain;

/**
 * Why a ballot closed: its deadline passed; every member whose vote counts voted, or the votes
 * still to come could no longer change the outcome, on a ballot that allows early close; or its
 * project was withdrawn.
 */
public enum CloseReason {
    DEADLINE,
    ALL_VOTED,
    OUTCOME_SETTLED,
    WITHDRAWN
}
