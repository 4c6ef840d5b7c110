package org.accord.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents Kafka protocol binding, binary content mode: every context attribute is a
 * header named {@code ce_<attribute>} holding the UTF-8 value, the data content type is the
 * {@code content-type} header, and the record value is the JSON payload. The trace context
 * travels in the W3C {@code traceparent} header.
 */
public final class KafkaCloudEvents {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, String key, CloudEvent event) {
        return new ProducerRecord<>(topic, null, key, event.data(), headers(event));
    }

    public static Headers headers(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, ID, event.id());
        put(headers, SOURCE, event.source());
        put(headers, TYPE, event.type());
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, TIME, event.time().toString());
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        put(headers, CONTENT_TYPE, CloudEvent.DATA_CONTENT_TYPE);
        if (event.traceparent() != null) {
            put(headers, TRACEPARENT, event.traceparent());
        }
        return headers;
    }

    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        return fromHeaders(name -> {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        }, record.value());
    }

    /**
     * Reads an event from any header carrier (a Kafka record, a Spring message). The lookup
     * returns the raw header value, as bytes or as a string, or null when absent.
     */
    public static CloudEvent fromHeaders(Function<String, Object> header, byte[] payload) {
        String specVersion = text(header.apply(SPEC_VERSION));
        if (specVersion == null) {
            throw new MalformedEventException("Not a CloudEvent: header " + SPEC_VERSION + " is missing");
        }
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("Unsupported CloudEvents spec version " + specVersion);
        }
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("CloudEvent " + text(header.apply(ID)) + " has no payload");
        }
        return new CloudEvent(text(header.apply(ID)), text(header.apply(SOURCE)), text(header.apply(TYPE)),
                text(header.apply(SUBJECT)), time(text(header.apply(TIME))), payload,
                text(header.apply(TRACEPARENT)));
    }

    private static Instant time(String value) {
        if (value == null) {
            throw new MalformedEventException("CloudEvent attribute 'time' is missing");
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("CloudEvent attribute 'time' is not RFC 3339: " + value, e);
        }
    }

    private static String text(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return raw.toString();
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
