package org.accord.problem;

/** The caller did not say who it is (no valid token) and this needs to know: 401. */
public class UnauthorizedException extends ProblemException {
    public UnauthorizedException(String detail) {
        super(401, "Unauthorized", detail);
    }
}
