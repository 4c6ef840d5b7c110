package org.accord.problem;

/** An {@code If-Match} precondition names a version that is not the current one: 412. */
public class PreconditionFailedException extends ProblemException {
    public PreconditionFailedException(String id, String expected, long current) {
        super(412, "Precondition failed", "If-Match " + expected + " does not match the current version "
                + current + " of '" + id + "'");
        with("currentVersion", current);
    }
}
