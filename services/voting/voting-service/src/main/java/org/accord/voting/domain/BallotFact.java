package org.accord.voting.domain;

/** What happened to a ballot in one step; each becomes one published event. */
public sealed interface BallotFact {

    /** The ballot opened with its fixed electorate. */
    record Opened() implements BallotFact {
    }

    /** A member body cast or changed its vote. */
    record VoteRecorded(Vote vote) implements BallotFact {
    }

    /** The ballot closed with this result. */
    record Closed(BallotResult result) implements BallotFact {
    }
}
