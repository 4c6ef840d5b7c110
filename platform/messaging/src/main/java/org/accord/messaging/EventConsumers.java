package org.accord.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.accord.events.CloudEvent;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.accord.events.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/**
 * Builds the per-message consumer of one topic for a Spring Cloud Stream binding
 * ({@code Consumer<Message<byte[]>>} on the regular Kafka binder): it reads the CloudEvent from
 * the {@code ce_*} headers, dispatches on {@code ce_type}, ignores types it does not know
 * (tolerant reader), meters every event, and lets failures propagate so the binder retries with
 * backoff and then dead-letters the record (an event naming something this service does not have
 * fails with {@link UnknownReferenceException}, never silently). A record that is not a readable CloudEvent fails with
 * {@link MalformedEventException}, which the platform defaults mark as not retryable.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final EventMetrics metrics;
    private final ConsumedEvents consumed;
    private final Duration handlerTimeout;

    public EventConsumers(EventMetrics metrics, ConsumedEvents consumed, Duration handlerTimeout) {
        this.metrics = metrics;
        this.consumed = consumed;
        this.handlerTimeout = handlerTimeout;
    }

    public Builder consumer(String name) {
        return new Builder(name);
    }

    public final class Builder {
        private final String name;
        private final Map<String, Registration<?>> handlers = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Handles the type; the handler itself guarantees idempotency (natural keys, applied ids). */
        public <T> Builder on(EventType<T> type, EventHandler<T> handler) {
            handlers.put(type.name(), new Registration<>(type, handler, false));
            return this;
        }

        /**
         * Handles the type at most once per event id for this consumer, remembered in the
         * service's {@code consumed_events} collection.
         */
        public <T> Builder once(EventType<T> type, EventHandler<T> handler) {
            handlers.put(type.name(), new Registration<>(type, handler, true));
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            Map<String, Registration<?>> frozen = Map.copyOf(handlers);
            return message -> accept(name, frozen, message);
        }
    }

    private record Registration<T>(EventType<T> type, EventHandler<T> handler, boolean once) {
    }

    private void accept(String consumerName, Map<String, Registration<?>> handlers, Message<byte[]> message) {
        Object payload = message.getPayload();
        byte[] bytes = payload instanceof byte[] b ? b
                : payload instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
        CloudEvent event = KafkaCloudEvents.fromHeaders(message.getHeaders()::get, bytes);
        Registration<?> registration = handlers.get(event.type());
        if (registration == null) {
            log.debug("{} ignores event type {} ({})", consumerName, event.type(), event.id());
            metrics.consumed(event, "ignored", Instant.now());
            return;
        }
        dispatch(consumerName, registration, event);
        metrics.consumed(event, "handled", Instant.now());
    }

    private <T> void dispatch(String consumerName, Registration<T> registration, CloudEvent event) {
        ReceivedEvent<T> received = new ReceivedEvent<>(event, event.payload(registration.type().payloadType()));
        Mono<?> handling = registration.once()
                ? consumed.once(consumerName, event.id(), () -> registration.handler().handle(received))
                : registration.handler().handle(received);
        // Events this handler causes continue the trace of the event that caused them.
        try {
            handling.contextWrite(ctx -> event.traceparent() == null ? ctx
                            : ctx.put(TraceContext.CONTEXT_KEY, TraceContext.childOf(event.traceparent())))
                    .block(handlerTimeout);
        } catch (UnknownReferenceException unknown) {
            log.warn("{} cannot apply {} ({}): {}; retried, then dead-lettered", consumerName, event.type(), event.id(),
                    unknown.getMessage());
            metrics.unknownReference(event, consumerName, unknown);
            throw unknown;
        }
    }
}
