package org.accord.proposals.domain;

import java.util.List;

/**
 * What the domain decided: the aggregate's new state and the events the change causes (records of
 * the proposals-events contract), to be saved together in one write.
 */
public record Change<A>(A state, List<Object> events) {

    public Change {
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
