package org.accord.voting.domain;

/** Why a ballot closed: its deadline passed, or every P-member voted on a ballot that allows early close. */
public enum CloseReason {
    DEADLINE,
    ALL_VOTED
}
