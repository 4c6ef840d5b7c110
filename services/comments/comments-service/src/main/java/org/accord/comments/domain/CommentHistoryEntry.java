package org.accord.comments.domain;

import java.time.Instant;

/**
 * One thing that happened to a comment and who did it: submitted, amended (with the fields it
 * had before), withdrawn, or resolved (with the disposition and observations recorded).
 */
public record CommentHistoryEntry(CommentAction action, String by, Instant at, CommentFields previous,
                                  Disposition disposition, String observations) {

    public static CommentHistoryEntry of(CommentAction action, String by, Instant at) {
        return new CommentHistoryEntry(action, by, at, null, null, null);
    }
}
