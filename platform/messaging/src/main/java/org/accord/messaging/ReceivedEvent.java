package org.accord.messaging;

import org.accord.events.CloudEvent;

/** A consumed event: its CloudEvents envelope and the payload read as the type's record. */
public record ReceivedEvent<T>(CloudEvent envelope, T payload) {

    public String id() {
        return envelope.id();
    }

    public String subject() {
        return envelope.subject();
    }
}
