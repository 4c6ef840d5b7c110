package org.accord.comments.domain;

import java.util.List;

/**
 * What the domain decided: the new state and the events it causes, saved together in one write.
 * A change with no events and {@code changed == false} means "nothing to do" (a repeated close,
 * a withdrawal of a withdrawn comment), which the caller does not write.
 */
public record Change<S>(S state, List<Object> events, boolean changed) {

    public Change {
        events = List.copyOf(events);
    }

    public static <S> Change<S> of(S state, Object... events) {
        return new Change<>(state, List.of(events), true);
    }

    public static <S> Change<S> none(S state) {
        return new Change<>(state, List.of(), false);
    }
}
