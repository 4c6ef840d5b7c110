package org.accord.voting.domain;

public enum Outcome {
    APPROVED,
    REJECTED
}
