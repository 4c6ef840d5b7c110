package org.accord.voting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.Clause;

/** Test data: a ballot request as the proposals service sends it, with fresh ids so old records on the shared topic are harmless. */
final class RequestedBallot {

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private String proposalId = "p-" + id;
    private String ballotId = "b-" + id;
    private String ballotType = "DIS";
    private String ruleSet = "ISO_ENQUIRY_APPROVAL";
    private List<String> participating = List.of("DE", "FR", "GB", "JP");
    private List<String> observing = List.of("IT");
    private boolean observersMayVote = true;
    private boolean earlyCloseAllowed;
    private Instant deadline = Instant.now().plus(Duration.ofHours(1));

    static RequestedBallot dis() {
        return new RequestedBallot();
    }

    static RequestedBallot np() {
        RequestedBallot ballot = new RequestedBallot();
        ballot.ballotType = "NP";
        ballot.ruleSet = "ISO_NEW_WORK_ITEM";
        ballot.observersMayVote = false;
        return ballot;
    }

    RequestedBallot participating(String... members) {
        participating = List.of(members);
        return this;
    }

    RequestedBallot observing(String... members) {
        observing = List.of(members);
        return this;
    }

    RequestedBallot earlyClose() {
        earlyCloseAllowed = true;
        return this;
    }

    RequestedBallot deadline(Instant at) {
        deadline = at;
        return this;
    }

    RequestedBallot proposal(String id) {
        proposalId = id;
        return this;
    }

    String proposalId() {
        return proposalId;
    }

    String ballotId() {
        return ballotId;
    }

    Instant deadline() {
        return deadline;
    }

    /** The SHA-256 the requests say the balloted version has. */
    static final String VERSION_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    BallotRequested event() {
        return new BallotRequested(proposalId, ballotId, "ACC/TC 1", ballotType, ruleSet, 2,
                List.of(new Clause("1", "Scope"), new Clause("4.1", "Requirements")), participating, observing,
                observersMayVote, earlyCloseAllowed, deadline, "editor", Instant.now(), VERSION_SHA256);
    }
}
