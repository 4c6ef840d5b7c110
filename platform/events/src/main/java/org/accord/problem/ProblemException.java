package org.accord.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal that the caller can act on, in plain Java so domain code can throw it without
 * knowing about HTTP. The web layer turns it into an RFC 9457 {@code application/problem+json}
 * response with this status, title, detail and the extra properties as members.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem document, such as the current stage and the allowed actions. */
    public Map<String, Object> properties() {
        return properties;
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }
}
