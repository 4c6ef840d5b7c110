package org.accord.comments.domain;

/**
 * A comment as a national body sent it, before validation: every template field as text (a
 * spreadsheet cell or a JSON value), where it came from, and the version it says it is about
 * (null when it does not say).
 */
public record CommentDraft(Origin origin, String memberBody, String lineNumber, String clause, String element, String type,
                           String comment, String proposedChange, Integer version) {

    public CommentDraft withOrigin(Origin newOrigin) {
        return new CommentDraft(newOrigin, memberBody, lineNumber, clause, element, type, comment, proposedChange, version);
    }
}
