package org.accord.problem;

import java.util.List;

/**
 * The request names things that break a rule of the domain (a clause the draft does not have, a
 * member body outside the committee): 422 with one entry per offending field. Syntax errors of
 * the request itself (malformed JSON, wrong types) are answered by the web layer with 400.
 */
public class InvalidInputException extends ProblemException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(422, "Invalid input", summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid-input problem needs at least one field error");
        }
        this.errors = List.copyOf(errors);
        with("errors", this.errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid, the first is " + errors.get(0).field() + ": " + errors.get(0).message();
    }
}
