package org.accord.messaging;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.accord.events.CloudEvent;

/**
 * The platform's event meters, the same in every service:
 * {@code accord.events.published} and {@code accord.events.consumed} counters per type,
 * {@code accord.events.consumer.lag} (event time to processing time, a histogram),
 * {@code accord.outbox.publish.latency} (write to broker acknowledgement, a histogram),
 * {@code accord.events.dead.lettered} per topic and reason, {@code accord.events.unknown.reference}
 * (attempts at an event naming something unknown, see {@link UnknownReferenceException}), and the
 * {@code accord.outbox.backlog} gauge.
 */
public class EventMetrics {

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        // At 0 from the start, so an alert on it sees the series before the first dead letter.
        deadLetters("none", "none");
    }

    void published(CloudEvent event, Instant acknowledgedAt) {
        Counter.builder("accord.events.published").description("Events published to Kafka by the outbox relay")
                .tag("type", event.type()).register(registry).increment();
        Timer.builder("accord.outbox.publish.latency").description("From the outbox write to the broker's acknowledgement")
                .publishPercentileHistogram().register(registry)
                .record(nonNegative(Duration.between(event.time(), acknowledgedAt)));
    }

    void consumed(CloudEvent event, String outcome, Instant processedAt) {
        Counter.builder("accord.events.consumed").description("Events consumed, by type and outcome")
                .tag("type", event.type()).tag("outcome", outcome).register(registry).increment();
        Timer.builder("accord.events.consumer.lag").description("From the event's time to the end of its processing")
                .tag("type", event.type()).publishPercentileHistogram().register(registry)
                .record(nonNegative(Duration.between(event.time(), processedAt)));
    }

    void unknownReference(CloudEvent event, String consumer, UnknownReferenceException e) {
        Counter.builder("accord.events.unknown.reference")
                .description("Attempts to handle an event that names something this service does not have")
                .tag("type", event.type()).tag("consumer", consumer).tag("kind", e.kind())
                .register(registry).increment();
    }

    void deadLettered(String topic, Throwable reason) {
        deadLetters(topic, rootCause(reason).getClass().getSimpleName()).increment();
    }

    private Counter deadLetters(String topic, String reason) {
        return Counter.builder("accord.events.dead.lettered")
                .description("Records sent to a dead-letter topic after their retries, by source topic and reason")
                .tag("topic", topic).tag("reason", reason).register(registry);
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
