package org.accord.comments.events;

import java.time.Instant;

import org.accord.events.Absent;

/** A national body changed its own comment while the period was open; the fields as amended. */
public record CommentAmended(String commentId, String periodId, String proposalId, String memberBody, @Absent Integer lineNumber,
                             String clause, @Absent String element, String type, String comment, @Absent String proposedChange,
                             String amendedBy, Instant amendedAt) {
}
