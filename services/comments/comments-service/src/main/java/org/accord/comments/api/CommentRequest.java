package org.accord.comments.api;

import org.accord.comments.domain.CommentDraft;
import org.accord.comments.domain.Origin;

/**
 * A comment in the template's fields, as JSON. {@code memberBody} may be left out (it is the
 * caller's); {@code version}, when given, must be the version the period is about.
 */
public record CommentRequest(String memberBody, Integer lineNumber, String clause, String element,
                             @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"ge", "te", "ed"},
                                     description = "general, technical or editorial") String type,
                             String comment,
                             String proposedChange, Integer version) {

    CommentDraft toDraft(Origin origin) {
        return new CommentDraft(origin, memberBody, lineNumber == null ? null : lineNumber.toString(), clause, element, type, comment,
                proposedChange, version);
    }
}
