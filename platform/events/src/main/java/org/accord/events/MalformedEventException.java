package org.accord.events;

/**
 * A record that can never be processed, however often it is retried: missing CloudEvents
 * attributes, a payload that is not the JSON its type promises. Consumers send it straight to
 * the dead-letter topic instead of retrying.
 */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
