package org.accord.testing.malformed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A draft's JSON body and the places in it where the schema's properties live. */
final class JsonBody {

    /** Stands in a tree for a raw value written into the body's text (one that is no valid JSON value of the field). */
    static final String RAW = "@@raw-json@@";

    private JsonBody() {
    }

    /** A place in a body where a schema property lives (set or not). */
    record Slot(JsonNode container, String key, int index, JsonNode schema, String name, boolean required) {

        byte[] replace(JsonNode root, String rawValue) {
            if (container instanceof ObjectNode object) {
                object.put(key, RAW);
            } else {
                ((ArrayNode) container).set(index, RAW);
            }
            return root.toString().replace("\"" + RAW + "\"", rawValue).getBytes(StandardCharsets.UTF_8);
        }

        byte[] remove(JsonNode root) {
            if (container instanceof ObjectNode object) {
                object.remove(key);
            } else {
                ((ArrayNode) container).remove(index);
            }
            return root.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    static JsonNode of(Draft draft) {
        return OpenApi.JSON.readTree(new String(draft.body, StandardCharsets.UTF_8));
    }

    static List<Slot> slots(JsonNode root, JsonNode schema) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, schema, "", slots, 0);
        return slots;
    }

    private static void collectSlots(JsonNode node, JsonNode schema, String name, List<Slot> slots, int depth) {
        if (depth > 6 || schema == null) {
            return;
        }
        if (node instanceof ObjectNode object && schema.has("properties")) {
            List<String> required = new ArrayList<>();
            schema.path("required").values().forEach(r -> required.add(r.asString()));
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                JsonNode propertySchema = property.getValue();
                String path = name.isEmpty() ? property.getKey() : name + "." + property.getKey();
                slots.add(new Slot(object, property.getKey(), -1, propertySchema, path, required.contains(property.getKey())));
                if (object.has(property.getKey())) {
                    collectSlots(object.get(property.getKey()), propertySchema, path, slots, depth + 1);
                }
            }
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                String path = name + "[" + i + "]";
                slots.add(new Slot(array, null, i, schema.get("items"), path, false));
                collectSlots(array.get(i), schema.get("items"), path, slots, depth + 1);
            }
        }
    }

    /** The objects of the body whose schema closes them (no {@code additionalProperties}), with their schemas. */
    static List<Map.Entry<ObjectNode, JsonNode>> closedObjects(JsonNode root, JsonNode schema) {
        List<Map.Entry<ObjectNode, JsonNode>> objects = new ArrayList<>();
        collectObjects(root, schema, objects);
        return objects;
    }

    private static void collectObjects(JsonNode node, JsonNode schema, List<Map.Entry<ObjectNode, JsonNode>> objects) {
        if (schema == null) {
            return;
        }
        if (node instanceof ObjectNode object && schema.has("properties") && !schema.has("additionalProperties")) {
            objects.add(Map.entry(object, schema));
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                if (object.has(property.getKey())) {
                    collectObjects(object.get(property.getKey()), property.getValue(), objects);
                }
            }
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            array.values().forEach(item -> collectObjects(item, schema.get("items"), objects));
        }
    }
}
