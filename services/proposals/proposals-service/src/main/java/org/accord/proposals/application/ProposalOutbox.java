package org.accord.proposals.application;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.accord.events.EventType;
import org.accord.messaging.EventRecorder;
import org.accord.messaging.OutgoingEvent;
import org.accord.proposals.events.ProposalEvents;
import org.springframework.stereotype.Component;

/** Turns the contract records the domain returns into outbox entries of their catalogue type. */
@Component
public class ProposalOutbox {

    private static final Map<Class<?>, EventType<?>> TYPES = ProposalEvents.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final EventRecorder recorder;

    public ProposalOutbox(EventRecorder recorder) {
        this.recorder = recorder;
    }

    /** The events about aggregate {@code key} (a proposal id, or a committee id for membership events). */
    public List<OutgoingEvent> of(String key, List<Object> events) {
        return events.stream().map(event -> record(key, event)).toList();
    }

    @SuppressWarnings("unchecked")
    private OutgoingEvent record(String key, Object event) {
        EventType<Object> type = (EventType<Object>) TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not in the proposals event catalogue");
        }
        return recorder.record(type, key, event);
    }
}
