package org.accord.publication.events;

import org.accord.events.EventType;
import org.accord.events.Topics;

/** The publication service's published events: its contract with every other service. */
public final class StandardEvents {

    public static final EventType<StandardPublished> PUBLISHED =
            EventType.of("org.accord.standard.published.v1", Topics.STANDARDS, StandardPublished.class);
    public static final EventType<StandardWithdrawn> WITHDRAWN =
            EventType.of("org.accord.standard.withdrawn.v1", Topics.STANDARDS, StandardWithdrawn.class);

    public static final java.util.List<EventType<?>> ALL = java.util.List.of(PUBLISHED, WITHDRAWN);

    private StandardEvents() {
    }
}
