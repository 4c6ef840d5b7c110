package org.accord.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the JSON Schema (draft 2020-12) of an event payload from its record, so the schema
 * published in each {@code *-events} module always says what the code sends. Fields are required
 * unless marked {@link Absent}; unknown fields are allowed, since consumers ignore them.
 */
public final class EventSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventSchemas() {
    }

    public static ObjectNode schemaOf(EventType<?> type) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:accord:event:" + type.name());
        schema.put("title", type.payloadType().getSimpleName());
        schema.put("description", "Payload of CloudEvents type " + type.name() + " on topic " + type.topic());
        fillObject(schema, type.payloadType());
        return schema;
    }

    private static void fillObject(ObjectNode schema, Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record; event payloads are records");
        }
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType()));
            if (!component.isAnnotationPresent(Absent.class)) {
                required.add(component.getName());
            }
        }
        schema.set("required", required);
    }

    private static ObjectNode schemaOf(Type type) {
        ObjectNode node = JSON.objectNode();
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                node.put("type", "array");
                node.set("items", schemaOf(parameterized.getActualTypeArguments()[0]));
                return node;
            }
            if (Map.class.isAssignableFrom(raw)) {
                node.put("type", "object");
                node.set("additionalProperties", schemaOf(parameterized.getActualTypeArguments()[1]));
                return node;
            }
            throw new IllegalArgumentException("Unsupported payload type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            node.put("type", "string");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            node.put("type", "integer");
        } else if (c == boolean.class || c == Boolean.class) {
            node.put("type", "boolean");
        } else if (c == double.class || c == Double.class) {
            node.put("type", "number");
        } else if (c == Instant.class) {
            node.put("type", "string");
            node.put("format", "date-time");
        } else if (c.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(constant.toString());
            }
        } else if (c.isRecord()) {
            fillObject(node, c);
        } else {
            throw new IllegalArgumentException("Unsupported payload type " + c.getName());
        }
        return node;
    }
}
