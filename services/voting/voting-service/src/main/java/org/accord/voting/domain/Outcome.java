package org.accord.voting.domain;

/** How a ballot ended: decided by its rule set, or ended without a decision because its project was withdrawn. */
public enum Outcome {
    APPROVED,
    REJECTED,
    WITHDRAWN
}
