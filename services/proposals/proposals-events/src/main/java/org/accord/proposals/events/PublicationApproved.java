package org.accord.proposals.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * The text is approved for publication (stage 60.00). The publication service issues the
 * standard from it: {@code kind} and {@code basedOn} as in {@link ProposalSubmitted}.
 * {@code version}, {@code text} and {@code textSha256} are those of the version the approving
 * ballot {@code approvedByBallot} (an FDIS ballot, or the DIS ballot when the final ballot was
 * skipped) was on: never a later revision.
 */
public record PublicationApproved(String proposalId, int projectNumber, String committeeId, String title, String kind,
                                  @Absent String basedOn, int version, String text, String textSha256, Instant approvedAt,
                                  @Absent String approvedByBallot) {
}
