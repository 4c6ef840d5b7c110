package org.accord.proposals.events;

import java.time.Instant;

import org.accord.events.Absent;

/** The project was abandoned before publication; its number is never reused. */
public record ProposalWithdrawn(String proposalId, String fromStage, @Absent String reason, String withdrawnBy, Instant withdrawnAt) {
}
