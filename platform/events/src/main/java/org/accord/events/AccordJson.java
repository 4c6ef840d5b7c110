package org.accord.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accord's JSON conventions for event payloads: unknown fields are ignored (tolerant reader, so
 * additive changes keep the major version), instants are UTC RFC 3339 strings (years 0000-9999,
 * what the schemas' {@code format: date-time} allows; another instant is refused, not written),
 * nulls are left out.
 */
public final class AccordJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .changeDefaultPropertyInclusion(incl -> incl
                    .withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .addModule(new SimpleModule("accord-rfc3339").addSerializer(Instant.class, new Rfc3339InstantSerializer()))
            .build();

    /** The earliest and latest instants RFC 3339 can write: four-digit years. */
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Writes an instant as RFC 3339 ({@code 2027-01-31T23:59:59Z}); outside years 0000-9999 there is no such form. */
    static final class Rfc3339InstantSerializer extends StdSerializer<Instant> {
        Rfc3339InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
                throw new IllegalArgumentException(value + " has no RFC 3339 form (years 0000-9999 only)");
            }
            generator.writeString(value.toString());
        }
    }

    private AccordJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot write " + payload.getClass().getName() + " as JSON", e);
        }
    }

    public static String writeString(Object payload) {
        return new String(write(payload), StandardCharsets.UTF_8);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedEventException("Payload is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
