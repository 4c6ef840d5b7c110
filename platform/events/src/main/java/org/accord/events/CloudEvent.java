package org.accord.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event as it travels between services: the CloudEvents 1.0 context attributes plus the
 * JSON payload. On Kafka it is carried in binary mode (attributes as {@code ce_*} headers, the
 * payload as the record value), see {@link KafkaCloudEvents}.
 *
 * @param id          unique per event; reused when the same event is published again
 * @param source      the producing service, as a URI reference ({@code /accord/proposals})
 * @param type        event name and major version ({@code org.accord.proposal.submitted.v1})
 * @param subject     the aggregate the event is about (the proposal id)
 * @param time        when the fact happened, UTC
 * @param data        UTF-8 JSON payload
 * @param traceparent W3C trace context of the request that caused the event, or null
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time,
                         byte[] data, String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvent attribute '" + name + "' is missing");
        }
    }

    /** Reads the payload as the given record type with Accord's JSON conventions. */
    public <T> T payload(Class<T> payloadType) {
        return AccordJson.read(data, payloadType);
    }

    public String dataAsString() {
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Attributes as a map, for logs and problem reports (not the payload). */
    public Map<String, String> attributes() {
        return Map.of("id", id, "source", source, "type", type,
                "subject", subject == null ? "" : subject, "time", time.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloudEvent other && id.equals(other.id) && type.equals(other.type)
                && source.equals(other.source) && Objects.equals(subject, other.subject)
                && time.equals(other.time) && java.util.Arrays.equals(data, other.data)
                && Objects.equals(traceparent, other.traceparent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, source, subject, time);
    }

    @Override
    public String toString() {
        return "CloudEvent" + attributes();
    }
}
