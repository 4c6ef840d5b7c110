package org.accord.problem;

/** The request is well formed but the current state does not allow it: 409. */
public class ConflictException extends ProblemException {
    public ConflictException(String title, String detail) {
        super(409, title, detail);
    }
}
