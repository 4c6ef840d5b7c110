package org.accord.comments.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One national body's comment in the template's fields, its state (submitted or withdrawn), the
 * disposition the editor or secretariat recorded, and its history.
 *
 * @param position  1-based place in its submission (the suffix of its id)
 * @param sourceRow the row of the uploaded file it came from, or null
 */
public record Comment(String commentId, int position, Integer sourceRow, CommentFields fields, CommentStatus status,
                      Disposition disposition, String observations, String resolvedBy, Instant resolvedAt,
                      List<CommentHistoryEntry> history) {

    public Comment {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean isWithdrawn() {
        return status == CommentStatus.WITHDRAWN;
    }

    /** The fields as first submitted: those an amendment replaced first, or the current ones if never amended. */
    public CommentFields submittedFields() {
        return history.stream().filter(h -> h.action() == CommentAction.AMENDED).map(CommentHistoryEntry::previous)
                .findFirst().orElse(fields);
    }

    Comment amended(CommentFields newFields, String by, Instant at) {
        return new Comment(commentId, position, sourceRow, newFields, status, disposition, observations, resolvedBy, resolvedAt,
                append(new CommentHistoryEntry(CommentAction.AMENDED, by, at, fields, null, null)));
    }

    Comment withdrawn(String by, Instant at) {
        return new Comment(commentId, position, sourceRow, fields, CommentStatus.WITHDRAWN, disposition, observations,
                resolvedBy, resolvedAt, append(CommentHistoryEntry.of(CommentAction.WITHDRAWN, by, at)));
    }

    Comment resolved(Disposition newDisposition, String newObservations, String by, Instant at) {
        return new Comment(commentId, position, sourceRow, fields, status, newDisposition, newObservations, by, at,
                append(new CommentHistoryEntry(CommentAction.RESOLVED, by, at, null, newDisposition, newObservations)));
    }

    private List<CommentHistoryEntry> append(CommentHistoryEntry entry) {
        List<CommentHistoryEntry> next = new ArrayList<>(history);
        next.add(entry);
        return next;
    }
}
