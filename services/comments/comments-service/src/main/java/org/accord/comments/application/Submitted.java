package org.accord.comments.application;

import org.accord.comments.domain.CommentSubmission;

/** An accepted submission, and whether this answer repeats an earlier one (a retry with the same Idempotency-Key). */
public record Submitted(CommentSubmission submission, boolean replayed) {
}
