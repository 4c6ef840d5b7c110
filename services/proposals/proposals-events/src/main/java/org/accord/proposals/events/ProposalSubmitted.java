package org.accord.proposals.events;

import java.time.Instant;

import org.accord.events.Absent;
import java.util.List;

/**
 * An editor registered a new proposal (stage 10.00). {@code kind} is NEW, REVISION, AMENDMENT or
 * CORRIGENDUM; for all but NEW, {@code basedOn} names the published designation it changes and
 * {@code projectNumber} is that standard's number.
 */
public record ProposalSubmitted(String proposalId, int projectNumber, String committeeId, String title, String scope,
                                String kind, @Absent String basedOn, int version, String textSha256, List<Clause> clauses,
                                String stage, String submittedBy, Instant submittedAt) {
}
