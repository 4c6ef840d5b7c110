package org.accord.comments.api;

import java.time.Instant;
import java.util.List;

import org.accord.comments.domain.CommentCounts;
import org.accord.comments.domain.CommentPeriod;
import org.accord.comments.domain.DraftClause;

/** A comment period: what it is about, until when, its state, and once closed the counts it closed with. */
public record CommentPeriodView(String periodId, String proposalId, String committeeId, String kind, int version, String status,
                                Instant deadline, Instant openedAt, Instant closedAt, String closeReason, List<DraftClause> clauses,
                                CommentCounts counts) {

    static CommentPeriodView of(CommentPeriod p) {
        return new CommentPeriodView(p.periodId(), p.proposalId(), p.committeeId(), p.kind().name(), p.version(), p.status().name(),
                p.deadline(), p.openedAt(), p.closedAt(), p.closeReason() == null ? null : p.closeReason().name(), p.clauses(),
                p.counts());
    }
}
