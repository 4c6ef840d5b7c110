package org.accord.messaging;

import java.util.List;

/**
 * An aggregate as read from its document: the state, the version that guards the next write,
 * and the ids of the consumed events already applied to it (for idempotent consumers).
 */
public record Stored<A>(String id, long version, A state, List<String> appliedEvents) {

    public Stored {
        appliedEvents = appliedEvents == null ? List.of() : List.copyOf(appliedEvents);
    }

    public boolean hasApplied(String eventId) {
        return appliedEvents.contains(eventId);
    }

    /** The value of an HTTP ETag for this version. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
