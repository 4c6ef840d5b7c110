package org.accord.proposals.events;

import java.time.Instant;
import java.util.List;

/**
 * The editor opened a comment period on a version of the draft (committee consultation, stage
 * 30.20). The comments service opens period {@code periodId} on it until {@code deadline}.
 */
public record ReviewOpened(String proposalId, String periodId, String committeeId, int version, List<Clause> clauses,
                           Instant deadline, String openedBy, Instant openedAt) {
}
