package org.accord.voting.domain;

/** What a member body says on a ballot. Approval with comments counts as approval. */
public enum Position {
    APPROVE,
    APPROVE_WITH_COMMENTS,
    DISAPPROVE,
    ABSTAIN;

    public boolean approves() {
        return this == APPROVE || this == APPROVE_WITH_COMMENTS;
    }
}
