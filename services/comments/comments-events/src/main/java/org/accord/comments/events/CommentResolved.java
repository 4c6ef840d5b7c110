package org.accord.comments.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * The editor or secretariat recorded what was done with a comment: {@code disposition}
 * ACCEPTED, ACCEPTED_IN_PRINCIPLE (modified), NOT_ACCEPTED or NOTED, with the secretariat's
 * observations. A later resolution of the same comment replaces the earlier one.
 */
public record CommentResolved(String commentId, String periodId, String proposalId, String disposition,
                              @Absent String observations, String resolvedBy, Instant resolvedAt) {
}
