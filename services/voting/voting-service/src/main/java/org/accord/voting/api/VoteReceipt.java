package org.accord.voting.api;

/** The answer to a vote: the vote as recorded and the ballot's status after it (CLOSED when it was the last P-member vote of an early-closing ballot). */
public record VoteReceipt(String ballotId, String ballotStatus, VoteView vote) {
}
