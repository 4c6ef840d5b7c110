package org.accord.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of event in the catalogue: its CloudEvents type name, the topic it travels on and the
 * payload record. Names are {@code org.accord.<aggregate>.<event-in-kebab-case>.v<major>},
 * never a Java class name, so a payload class can be renamed without breaking a consumer.
 */
public record EventType<T>(String name, String topic, Class<T> payloadType) {

    private static final Pattern NAME = Pattern.compile("org\\.accord\\.[a-z]+(-[a-z]+)*(\\.[a-z][a-z0-9-]*)+\\.v[1-9][0-9]*");

    public EventType {
        Objects.requireNonNull(payloadType, "payloadType");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Event type name '" + name + "' does not follow org.accord.<aggregate>.<event>.v<n>");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("Event type " + name + " needs a topic");
        }
    }

    public static <T> EventType<T> of(String name, String topic, Class<T> payloadType) {
        return new EventType<>(name, topic, payloadType);
    }
}
