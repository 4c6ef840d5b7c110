package org.accord.comments.events;

import java.time.Instant;

/**
 * A comment period opened on a version of a draft: {@code kind} COMMITTEE (a consultation opened
 * by the editor) or ENQUIRY (comments that come with the votes of a DIS ballot).
 */
public record CommentPeriodOpened(String periodId, String proposalId, String committeeId, int version, String kind,
                                  Instant deadline, Instant openedAt) {
}
