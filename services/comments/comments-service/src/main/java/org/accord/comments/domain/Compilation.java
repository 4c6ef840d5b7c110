package org.accord.comments.domain;

import java.util.List;

/**
 * The compiled comments of a period, as the secretariat circulates them: every comment that was
 * not withdrawn, in clause order then member body, with the dispositions recorded so far.
 */
public record Compilation(CommentPeriod period, List<FiledComment> comments) {

    public static Compilation of(CommentPeriod period, List<CommentSubmission> submissions) {
        return new Compilation(period, FiledComment.allOf(submissions).stream().filter(f -> !f.comment().isWithdrawn()).toList());
    }
}
