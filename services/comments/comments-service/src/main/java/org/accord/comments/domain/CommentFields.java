package org.accord.comments.domain;

/**
 * A comment's content in the template's fields, validated: the member body's ISO 3166 alpha-2
 * code, the line number (optional), the clause as the commented version numbers it, the
 * paragraph/figure/table (optional), the type, the comment and the proposed change (optional).
 */
public record CommentFields(String memberBody, Integer lineNumber, String clause, String element, CommentType type,
                            String comment, String proposedChange) {
}
