package org.accord.proposals.events;

import java.time.Instant;

/** The proposal moved from one harmonized stage code to another ({@code 40.20} to {@code 40.60}). */
public record StageChanged(String proposalId, String from, String to, String reason, Instant changedAt) {
}
