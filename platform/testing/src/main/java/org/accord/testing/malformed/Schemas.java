package org.accord.testing.malformed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/** What a JSON schema of the document says: a value's type, its properties, and a valid example value. */
final class Schemas {

    private Schemas() {
    }

    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type.values()) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "any";
    }

    static boolean hasRequired(JsonNode schema) {
        return schema.path("required").size() > 0 || schema.path("items").path("required").size() > 0;
    }

    static List<String> stringProperties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        JsonNode object = schema.has("items") ? schema.get("items") : schema;
        if ("string".equals(typeOf(schema))) {
            names.add("");
        }
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            if ("string".equals(typeOf(property.getValue()))) {
                names.add(property.getKey());
            }
        }
        return names;
    }

    static List<String> enumProperties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        JsonNode object = schema.has("items") ? schema.get("items") : schema;
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            if (property.getValue().has("enum")) {
                names.add(property.getKey());
            }
        }
        return names;
    }

    /** A value that satisfies the schema as far as a schema can say. */
    static Object example(JsonNode schema, int depth) {
        if (schema.has("example") && !schema.get("example").isNull()) {
            return OpenApi.JSON.treeToValue(schema.get("example"), Object.class);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        switch (typeOf(schema)) {
            case "string":
                if ("date-time".equals(schema.path("format").asString(""))) {
                    return Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
                }
                return "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
            case "integer":
            case "number":
                return Math.max(1, schema.path("minimum").asLong(1));
            case "boolean":
                return false;
            case "array":
                return depth > 4 ? List.of() : List.of(example(schema.path("items"), depth + 1));
            case "object":
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth <= 4) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.put(property.getKey(), example(property.getValue(), depth + 1));
                    }
                }
                return object;
            default:
                return "x";
        }
    }

    /** An example of a path or query value: a scalar, or {@code x}. */
    static Object validScalar(JsonNode schema) {
        Object value = example(schema, 0);
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value : "x";
    }

    /** A number out of the field's range or declared bounds: no other number could be sure to be wrong. */
    static String numberOutOfRange(JsonNode schema, Random random) {
        List<String> values = new ArrayList<>(List.of("1e400", "99999999999999999999999999999", "-9223372036854775809"));
        if (!"int64".equals(schema.path("format").asString(""))) {
            values.addAll(List.of("2147483648", "-2147483649"));
        }
        if (schema.has("minimum")) {
            values.add(String.valueOf(schema.get("minimum").asLong() - 1));
        }
        if (schema.has("maximum")) {
            values.add(String.valueOf(schema.get("maximum").asLong() + 1));
        }
        return values.get(random.nextInt(values.size()));
    }

    static boolean outOfBounds(JsonNode schema, long value) {
        return schema.has("minimum") && value < schema.get("minimum").asLong()
                || schema.has("maximum") && value > schema.get("maximum").asLong();
    }
}
