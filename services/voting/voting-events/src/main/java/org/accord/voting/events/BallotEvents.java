package org.accord.voting.events;

import org.accord.events.EventType;
import org.accord.events.Topics;

/** The voting service's published events: its contract with every other service. */
public final class BallotEvents {

    public static final EventType<BallotOpened> OPENED =
            EventType.of("org.accord.ballot.opened.v1", Topics.BALLOTS, BallotOpened.class);
    public static final EventType<VoteCast> VOTE_CAST =
            EventType.of("org.accord.ballot.vote-cast.v1", Topics.BALLOTS, VoteCast.class);
    public static final EventType<BallotClosed> CLOSED =
            EventType.of("org.accord.ballot.closed.v1", Topics.BALLOTS, BallotClosed.class);

    public static final java.util.List<EventType<?>> ALL = java.util.List.of(OPENED, VOTE_CAST, CLOSED);

    private BallotEvents() {
    }
}
