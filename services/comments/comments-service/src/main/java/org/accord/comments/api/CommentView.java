package org.accord.comments.api;

import java.time.Instant;

import org.accord.comments.domain.Comment;
import org.accord.comments.domain.CommentFields;
import org.accord.comments.domain.CommentStatus;
import org.accord.comments.domain.CommentSubmission;
import org.accord.comments.domain.FiledComment;

/** A comment as the API shows it: the template's fields, the version, its state and disposition, and who sent it when. */
public record CommentView(String commentId, String periodId, String proposalId, int version, String memberBody, Integer lineNumber,
                          String clause, String element, String type, String comment, String proposedChange, String status,
                          String disposition, String observations, String resolvedBy, Instant resolvedAt, String submissionId,
                          String submittedBy, Instant submittedAt) {

    static CommentView of(FiledComment filed) {
        Comment c = filed.comment();
        return of(filed.submission(), c, c.fields(), c.status(), c.disposition() == null ? null : c.disposition().code(),
                c.observations(), c.resolvedBy(), c.resolvedAt());
    }

    /**
     * The comment as it was accepted, whatever happened to it since: the answer to a submission,
     * which a retry with the same Idempotency-Key must repeat exactly.
     */
    static CommentView asSubmitted(CommentSubmission submission, Comment comment) {
        return of(submission, comment, comment.submittedFields(), CommentStatus.SUBMITTED, null, null, null, null);
    }

    private static CommentView of(CommentSubmission s, Comment c, CommentFields f, CommentStatus status, String disposition,
                                  String observations, String resolvedBy, Instant resolvedAt) {
        return new CommentView(c.commentId(), s.periodId(), s.proposalId(), s.version(), f.memberBody(), f.lineNumber(), f.clause(),
                f.element(), f.type().code(), f.comment(), f.proposedChange(), status.name(), disposition, observations, resolvedBy,
                resolvedAt, s.submissionId(), s.submittedBy(), s.submittedAt());
    }
}
