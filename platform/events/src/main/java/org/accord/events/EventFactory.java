package org.accord.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes the CloudEvent for a fact that a service records: a fresh id, the service as source,
 * the type's catalogue name. The id is fixed when the event is first written (to the outbox),
 * so a re-publication after a crash carries the same id and consumers recognise it.
 */
public final class EventFactory {

    private final String source;
    private final Clock clock;

    public EventFactory(String source, Clock clock) {
        if (source == null || !source.startsWith("/")) {
            throw new IllegalArgumentException("source must be a URI reference such as /accord/proposals");
        }
        this.source = source;
        this.clock = clock;
    }

    public <T> CloudEvent create(EventType<T> type, String subject, T payload) {
        return create(type, subject, payload, clock.instant(), null);
    }

    public <T> CloudEvent create(EventType<T> type, String subject, T payload, Instant time, String traceparent) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.name() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        return new CloudEvent(UUID.randomUUID().toString(), source, type.name(), subject, time,
                AccordJson.write(payload), traceparent);
    }

    public String source() {
        return source;
    }
}
