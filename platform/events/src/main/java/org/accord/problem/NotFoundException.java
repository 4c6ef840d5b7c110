package org.accord.problem;

/** The named thing does not exist (or the caller may not know that it does): 404. */
public class NotFoundException extends ProblemException {
    public NotFoundException(String what, String id) {
        super(404, "Not found", what + " '" + id + "' does not exist");
        with("resource", what);
        with("id", id);
    }
}
