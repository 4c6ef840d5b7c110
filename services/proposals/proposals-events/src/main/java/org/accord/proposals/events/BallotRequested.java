package org.accord.proposals.events;

import java.time.Instant;
import java.util.List;

import org.accord.events.Absent;

/**
 * The editor requested a ballot on a version of the draft. {@code ballotType} is NP, DIS, FDIS,
 * SR (systematic review) or WITHDRAWAL; {@code ruleSet} names the counting rules
 * (ISO_ENQUIRY_APPROVAL, ISO_NEW_WORK_ITEM, IEEE_SA, SIMPLE_MAJORITY). The electorate is the
 * committee's membership when the ballot was requested. DIS ballots accept comments with votes,
 * so the clauses of the balloted version come along. {@code version} and {@code versionSha256}
 * (the SHA-256 of its UTF-8 text, hex) name the one text the ballot is on: only that text can be
 * approved by it. {@code ruleSet} is one the committee's procedure allows for the ballot type.
 */
public record BallotRequested(String proposalId, String ballotId, String committeeId, String ballotType, String ruleSet,
                              int version, List<Clause> clauses, List<String> participatingMembers,
                              List<String> observingMembers, boolean observersMayVote, boolean earlyCloseAllowed,
                              Instant deadline, String requestedBy, Instant requestedAt, @Absent String versionSha256) {
}
