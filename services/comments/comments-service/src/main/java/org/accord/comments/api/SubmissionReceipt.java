package org.accord.comments.api;

import java.time.Instant;
import java.util.List;

import org.accord.comments.domain.CommentSubmission;

/**
 * The answer to a batch or an upload: the submission, and for each accepted comment its id and
 * the row of the file (uploads) or the index in the JSON array (batches) it came from. It is
 * built from what never changes, so a retry with the same Idempotency-Key gets the same receipt.
 */
public record SubmissionReceipt(String submissionId, String periodId, String proposalId, int version, String memberBody,
                                String form, String submittedBy, Instant submittedAt, int count, List<Accepted> comments) {

    public record Accepted(String commentId, Integer row, Integer index) {
    }

    static SubmissionReceipt of(CommentSubmission s) {
        List<Accepted> accepted = s.comments().stream()
                .map(c -> new Accepted(c.commentId(), c.sourceRow(), c.sourceRow() == null ? c.position() - 1 : null))
                .toList();
        return new SubmissionReceipt(s.submissionId(), s.periodId(), s.proposalId(), s.version(), s.memberBody(),
                s.form().name(), s.submittedBy(), s.submittedAt(), accepted.size(), accepted);
    }
}
