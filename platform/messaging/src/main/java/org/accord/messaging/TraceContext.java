package org.accord.messaging;

import java.util.List;

import org.accord.events.CloudEvent;
import org.accord.web.TraceContextFilter;

import reactor.util.context.ContextView;

/**
 * The W3C trace context in the Reactor context (put there by the web layer for a request, or by
 * {@link EventConsumers} for a consumed event): events recorded without a {@code traceparent} get
 * the current one, so the {@code traceparent} Kafka header continues the trace that caused them.
 * A write that nothing traced caused (a deadline scanner, startup seeding) starts a trace of its
 * own: every event carries a {@code traceparent}.
 */
final class TraceContext {

    static final String CONTEXT_KEY = TraceContextFilter.CONTEXT_KEY;

    private TraceContext() {
    }

    static List<OutgoingEvent> stamp(List<OutgoingEvent> events, ContextView ctx) {
        if (events.stream().allMatch(e -> e.event().traceparent() != null)) {
            return events;
        }
        String current = ctx.getOrDefault(CONTEXT_KEY, null);
        String traceparent = current != null ? current : TraceContextFilter.newTrace();
        return events.stream().map(e -> e.event().traceparent() != null ? e : new OutgoingEvent(e.topic(), e.key(),
                new CloudEvent(e.event().id(), e.event().source(), e.event().type(), e.event().subject(),
                        e.event().time(), e.event().data(), traceparent))).toList();
    }

    static String childOf(String parent) {
        return parent.length() == 55 ? TraceContextFilter.childOf(parent) : parent;
    }
}
