package org.accord.voting.domain;

import java.util.List;

/** A ballot after a step and the facts the step caused; no facts means nothing changed. */
public record Transition(Ballot ballot, List<BallotFact> facts) {

    public Transition {
        facts = List.copyOf(facts);
    }

    static Transition unchanged(Ballot ballot) {
        return new Transition(ballot, List.of());
    }

    public boolean changed() {
        return !facts.isEmpty();
    }
}
