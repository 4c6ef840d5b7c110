package org.accord.comments.application;

import java.util.List;

import org.accord.comments.events.CommentEvents;
import org.accord.events.EventType;
import org.accord.messaging.EventRecorder;
import org.accord.messaging.OutgoingEvent;
import org.springframework.stereotype.Component;

/** Turns the event payloads the domain decided on into this service's outgoing events, keyed by proposal. */
@Component
public class PublishedEvents {

    private final EventRecorder recorder;

    public PublishedEvents(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public List<OutgoingEvent> record(String proposalId, List<Object> payloads) {
        return payloads.stream().map(payload -> record(proposalId, payload)).toList();
    }

    @SuppressWarnings("unchecked")
    private <T> OutgoingEvent record(String proposalId, T payload) {
        EventType<T> type = (EventType<T>) CommentEvents.ALL.stream()
                .filter(t -> t.payloadType().equals(payload.getClass()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payload.getClass().getName() + " is not in the comments catalogue"));
        return recorder.record(type, proposalId, payload);
    }
}
