package org.accord.comments.api;

import java.time.Instant;
import java.util.List;

import org.accord.comments.domain.CommentFields;
import org.accord.comments.domain.CommentHistoryEntry;
import org.accord.comments.domain.FiledComment;

/** Who did what to a comment, oldest first; an amendment shows the fields it replaced. */
public record HistoryView(String commentId, String status, String disposition, List<Entry> entries) {

    public record Entry(String action, String by, Instant at, String disposition, String observations, Replaced replaced) {
    }

    public record Replaced(Integer lineNumber, String clause, String element, String type, String comment, String proposedChange) {
    }

    static HistoryView of(FiledComment filed) {
        var c = filed.comment();
        return new HistoryView(c.commentId(), c.status().name(), c.disposition() == null ? null : c.disposition().code(),
                c.history().stream().map(HistoryView::entry).toList());
    }

    private static Entry entry(CommentHistoryEntry h) {
        CommentFields p = h.previous();
        Replaced replaced = p == null ? null
                : new Replaced(p.lineNumber(), p.clause(), p.element(), p.type().code(), p.comment(), p.proposedChange());
        return new Entry(h.action().name(), h.by(), h.at(), h.disposition() == null ? null : h.disposition().code(), h.observations(),
                replaced);
    }
}
