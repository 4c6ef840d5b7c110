package org.accord.proposals.events;

import java.time.Instant;

/** The editor asked to close comment period {@code periodId} before its deadline. */
public record ReviewCloseRequested(String proposalId, String periodId, String requestedBy, Instant requestedAt) {
}
