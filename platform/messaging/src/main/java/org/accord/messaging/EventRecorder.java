package org.accord.messaging;

import java.time.Clock;

import org.accord.events.EventFactory;
import org.accord.events.EventType;

/**
 * Turns a domain fact into an {@link OutgoingEvent} of this service: the CloudEvent gets its id
 * and time now, once, and keeps them through every re-publication.
 */
public class EventRecorder {

    private final EventFactory factory;

    public EventRecorder(String serviceName, Clock clock) {
        this.factory = new EventFactory("/accord/" + serviceName, clock);
    }

    /** The event about aggregate {@code key} (the proposal id), keyed and subjected by it. */
    public <T> OutgoingEvent record(EventType<T> type, String key, T payload) {
        return new OutgoingEvent(type.topic(), key, factory.create(type, key, payload));
    }

    public String source() {
        return factory.source();
    }
}
