package org.accord.proposals.events;

import java.time.Instant;

import org.accord.events.Absent;
import java.util.List;

/** The editor stored a new, immutable version of the draft; the stage does not change. */
public record DraftRevised(String proposalId, int version, String textSha256, List<Clause> clauses, @Absent String note,
                           String revisedBy, Instant revisedAt) {
}
