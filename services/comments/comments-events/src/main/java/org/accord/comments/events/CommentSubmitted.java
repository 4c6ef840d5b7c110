package org.accord.comments.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * A national body's comment in the ISO/IEC template's fields: member body (ISO 3166 alpha-2),
 * line number, clause, paragraph/figure/table, type ({@code ge}, {@code te}, {@code ed}),
 * comment, proposed change; plus the draft version it refers to.
 */
public record CommentSubmitted(String commentId, String periodId, String proposalId, String memberBody, int version,
                               @Absent Integer lineNumber, String clause, @Absent String element, String type, String comment,
                               @Absent String proposedChange, String submittedBy, Instant submittedAt) {
}
