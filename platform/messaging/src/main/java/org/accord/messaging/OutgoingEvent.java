package org.accord.messaging;

import java.util.Objects;

import org.accord.events.CloudEvent;

/** An event a state change causes, with the topic and key it will be published under. */
public record OutgoingEvent(String topic, String key, CloudEvent event) {
    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
    }
}
