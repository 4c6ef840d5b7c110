package org.accord.comments.events;

import java.time.Instant;

/** A national body withdrew its own comment while the period was open. */
public record CommentWithdrawn(String commentId, String periodId, String proposalId, String memberBody,
                               String withdrawnBy, Instant withdrawnAt) {
}
