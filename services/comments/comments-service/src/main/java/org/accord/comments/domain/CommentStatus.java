package org.accord.comments.domain;

/** A withdrawn comment stays on record (with its history) but is left out of counts and compilations. */
public enum CommentStatus {
    SUBMITTED, WITHDRAWN
}
