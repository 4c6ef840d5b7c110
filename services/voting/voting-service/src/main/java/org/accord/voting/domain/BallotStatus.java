package org.accord.voting.domain;

public enum BallotStatus {
    OPEN,
    CLOSED
}
