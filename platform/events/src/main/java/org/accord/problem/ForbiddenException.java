package org.accord.problem;

/** The caller is known but may not do this (another member body's comment, a non-member's vote): 403. */
public class ForbiddenException extends ProblemException {
    public ForbiddenException(String detail) {
        super(403, "Forbidden", detail);
    }
}
