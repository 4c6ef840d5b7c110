package org.accord.comments.domain;

public enum CommentAction {
    SUBMITTED, AMENDED, WITHDRAWN, RESOLVED
}
