package org.accord.messaging;

/**
 * An event names something this service does not have (a comment period to close, a proposal a
 * ballot result is for). Where the producer's order guarantees that the thing came first, this
 * means its own event was lost or dead-lettered: the consumer must not drop the event silently.
 * Thrown from a handler it is retried with backoff (the thing may still be on its way through
 * another partition's retries), then dead-lettered to {@code <topic>.<group>.dlt} with this
 * message, counted as {@code accord.events.dead.lettered{reason="UnknownReferenceException"}}
 * and, at every attempt, as {@code accord.events.unknown.reference}.
 */
public class UnknownReferenceException extends RuntimeException {

    private final String kind;
    private final String id;

    public UnknownReferenceException(String kind, String id, String why) {
        super("No " + kind + " '" + id + "' here: " + why);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
