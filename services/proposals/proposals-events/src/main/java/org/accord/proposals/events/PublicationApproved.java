package org.accord.proposals.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * The text is approved for publication (stage 60.00). The publication service issues the
 * standard from it: {@code kind} and {@code basedOn} as in {@link ProposalSubmitted}.
 */
public record PublicationApproved(String proposalId, int projectNumber, String committeeId, String title, String kind,
                                  @Absent String basedOn, int version, String text, String textSha256, Instant approvedAt) {
}
