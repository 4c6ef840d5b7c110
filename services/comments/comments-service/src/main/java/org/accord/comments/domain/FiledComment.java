package org.accord.comments.domain;

import java.util.Comparator;
import java.util.List;

/**
 * A comment together with the submission it came in (period, version, who sent it when): what
 * lists, compilations and single-comment reads show.
 */
public record FiledComment(CommentSubmission submission, Comment comment) {

    /**
     * The order of a compiled template: clause in reading order, then member body, then line
     * number (comments without one last), then the order they were sent in.
     */
    public static final Comparator<FiledComment> COMPILATION_ORDER = Comparator
            .comparing((FiledComment f) -> f.comment().fields().clause(), ClauseOrder.INSTANCE)
            .thenComparing(f -> f.comment().fields().memberBody())
            .thenComparing(f -> f.comment().fields().lineNumber(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> f.submission().submittedAt())
            .thenComparing(f -> f.submission().submissionId())
            .thenComparingInt(f -> f.comment().position());

    /** Every comment of the submissions, withdrawn ones included, in compilation order. */
    public static List<FiledComment> allOf(List<CommentSubmission> submissions) {
        return submissions.stream().flatMap(s -> s.comments().stream().map(c -> new FiledComment(s, c)))
                .sorted(COMPILATION_ORDER).toList();
    }

    public static List<Comment> commentsOf(List<CommentSubmission> submissions) {
        return submissions.stream().flatMap(s -> s.comments().stream()).toList();
    }

    /**
     * The template's last column as the secretariat fills it: the disposition, then the
     * observations ("Accepted in principle. A list of reasons is added to 5.2").
     */
    public String secretariatObservations() {
        Disposition disposition = comment.disposition();
        String observations = comment.observations();
        if (disposition == null) {
            return observations == null ? "" : observations;
        }
        return observations == null ? disposition.label() : disposition.label() + ". " + observations;
    }
}
