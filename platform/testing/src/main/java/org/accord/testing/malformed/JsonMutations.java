package org.accord.testing.malformed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.accord.testing.malformed.JsonBody.Slot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The mutations of a valid JSON body: its syntax, and one field's type, presence, name, size, enum value or number. */
final class JsonMutations {

    private static final int OVERSIZED_STRING = 100_000;

    private JsonMutations() {
    }

    static void malformedJson(Draft draft, Operation operation, Random random) {
        String valid = new String(draft.body, StandardCharsets.UTF_8);
        int variant = random.nextInt(10);
        switch (variant) {
            case 0 -> {
                int cut = 1 + random.nextInt(Math.max(1, valid.length() - 1));
                draft.body = valid.substring(0, Math.min(cut, valid.length() - 1)).getBytes(StandardCharsets.UTF_8);
                draft.what = "JSON cut short";
            }
            case 1 -> {
                draft.body = valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
                draft.what = "single quotes";
            }
            case 2 -> {
                draft.body = valid.replaceAll("\"([A-Za-z0-9_]+)\":", "$1:").getBytes(StandardCharsets.UTF_8);
                draft.what = "unquoted names";
            }
            case 3 -> {
                draft.body = valid.replaceFirst(":", " ").getBytes(StandardCharsets.UTF_8);
                draft.what = "a missing colon";
            }
            case 4 -> {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                random.nextBytes(bytes);
                bytes[0] = (byte) ('{');
                draft.body = bytes;
                draft.what = "random bytes";
            }
            case 5 -> {
                draft.body = ("/* note */ " + valid).getBytes(StandardCharsets.UTF_8);
                draft.what = "a comment";
            }
            case 6 -> {
                int depth = 2_000 + random.nextInt(3_000);
                draft.body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
                draft.what = "arrays nested " + depth + " deep";
            }
            case 7 -> {
                byte[] prefix = "{\"x\":\"".getBytes(StandardCharsets.UTF_8);
                byte[] bytes = new byte[prefix.length + 4];
                System.arraycopy(prefix, 0, bytes, 0, prefix.length);
                bytes[prefix.length] = (byte) 0xC3;
                bytes[prefix.length + 1] = (byte) 0x28;
                bytes[prefix.length + 2] = '"';
                bytes[prefix.length + 3] = '}';
                draft.body = bytes;
                draft.what = "invalid UTF-8";
            }
            case 8 -> {
                draft.body = Junk.pick(random, "{", "[", "\"", "nul", "{\"a\":}", "{,}", "{\"a\" \"b\"}", "{\"a\":1,,}", "}{",
                        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated}")
                        .getBytes(StandardCharsets.UTF_8);
                draft.what = "broken JSON";
            }
            default -> {
                draft.body = (valid.substring(0, valid.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8);
                draft.what = "a trailing comma";
            }
        }
    }

    static void wrongType(Draft draft, Operation operation, Random random) {
        JsonNode root = JsonBody.of(draft);
        JsonNode schema = operation.body().jsonSchema();
        List<Slot> slots = JsonBody.slots(root, schema);
        if (slots.isEmpty() || random.nextInt(8) == 0) {
            String wrong = switch (Schemas.typeOf(schema)) {
                case "array" -> Junk.pick(random, "{}", "\"x\"", "1", "true", "null");
                case "object" -> Junk.pick(random, "[]", "\"x\"", "1", "true", "null", "[{}]");
                default -> Junk.pick(random, "{}", "[]", "true");
            };
            if (wrong.equals("null") && !operation.body().required()) {
                wrong = "[]";
            }
            draft.body = wrong.getBytes(StandardCharsets.UTF_8);
            draft.what = "the body is " + wrong;
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        String type = Schemas.typeOf(slot.schema());
        List<String> values = new ArrayList<>(switch (type) {
            case "string" -> List.of("12345", "true", "{}", "[]", "{\"a\":1}", "[\"x\"]", "1.5", "false");
            case "integer" -> List.of("\"abc\"", "true", "{}", "[]", "\"\"", "1.5", "\"1\"");
            case "number" -> List.of("\"abc\"", "true", "{}", "[]", "\"\"");
            case "boolean" -> List.of("\"yes\"", "1", "\"true\"", "{}", "[]", "0");
            case "array" -> List.of("\"x\"", "1", "{}", "true");
            case "object" -> List.of("\"x\"", "1", "[]", "true");
            default -> List.of("{}", "[]", "true", "12345");
        });
        if (slot.schema().has("enum")) {
            values.removeIf(v -> v.startsWith("\""));
        }
        String value = values.get(random.nextInt(values.size()));
        if ("date-time".equals(slot.schema().path("format").asString(""))) {
            value = Junk.pick(random, "true", "{}", "[]", "\"not-a-date\"", "\"2031-02-30T25:61:00Z\"", "\"tomorrow\"");
        }
        draft.body = slot.replace(root, value);
        draft.what = "field " + slot.name() + " (" + type + ") = " + value;
    }

    static void missingRequired(Draft draft, Operation operation, Random random) {
        JsonNode root = JsonBody.of(draft);
        List<Slot> required = JsonBody.slots(root, operation.body().jsonSchema()).stream().filter(Slot::required).toList();
        if (required.isEmpty()) {
            draft.body = "{}".getBytes(StandardCharsets.UTF_8);
            draft.what = "an empty object";
            return;
        }
        Slot slot = required.get(random.nextInt(required.size()));
        int variant = random.nextInt(4);
        if (variant == 0) {
            draft.body = slot.replace(root, "null");
            draft.what = "field " + slot.name() + " null";
        } else if (variant == 1 && "string".equals(Schemas.typeOf(slot.schema()))) {
            String blank = Junk.pick(random, "\"\"", "\"   \"", "\"\\n\\t\"");
            draft.body = slot.replace(root, blank);
            draft.what = "field " + slot.name() + " blank";
        } else if (variant == 2 && root.isObject()) {
            List<Slot> top = required.stream().filter(s -> s.container() == root).toList();
            top.forEach(s -> ((ObjectNode) root).remove(s.key()));
            draft.body = root.toString().getBytes(StandardCharsets.UTF_8);
            draft.what = "every required field missing";
        } else {
            draft.body = slot.remove(root);
            draft.what = "field " + slot.name() + " missing";
        }
    }

    static void unknownField(Draft draft, Operation operation, Random random) {
        JsonNode root = JsonBody.of(draft);
        List<Map.Entry<ObjectNode, JsonNode>> objects = JsonBody.closedObjects(root, operation.body().jsonSchema());
        if (objects.isEmpty()) {
            draft.body = "{\"unknown\":1}".getBytes(StandardCharsets.UTF_8);
            draft.what = "an object where none is expected";
            return;
        }
        Map.Entry<ObjectNode, JsonNode> chosen = objects.get(random.nextInt(objects.size()));
        ObjectNode target = chosen.getKey();
        JsonNode properties = chosen.getValue().path("properties");
        String name;
        do {
            name = Junk.pick(random, "id", "version", "stage", "status", "state", "_id", "$where", "__proto__", "constructor",
                    "x" + random.nextInt(1_000), Junk.unicode(random, 1 + random.nextInt(12)), "", " ",
                    properties.propertyNames().isEmpty() ? "Name" : Junk.capitalised(properties.propertyNames().iterator().next()));
        } while (target.has(name) || properties.has(name));
        String value = Junk.pick(random, "1", "\"x\"", "true", "null", "{}", "[]", "{\"$gt\":\"\"}");
        target.put(name, JsonBody.RAW);
        draft.body = root.toString().replace("\"" + JsonBody.RAW + "\"", value).getBytes(StandardCharsets.UTF_8);
        draft.what = "unknown field '" + Junk.abbreviate(name, 20) + "'";
    }

    static void oversizedString(Draft draft, Operation operation, Random random) {
        JsonNode root = JsonBody.of(draft);
        List<Slot> strings = JsonBody.slots(root, operation.body().jsonSchema()).stream()
                .filter(s -> "string".equals(Schemas.typeOf(s.schema()))).toList();
        Slot slot = strings.get(random.nextInt(strings.size()));
        String big = switch (random.nextInt(3)) {
            case 0 -> "x".repeat(OVERSIZED_STRING);
            case 1 -> "\u00e9\u4e2d\ud83d\ude00 ".repeat(OVERSIZED_STRING / 5);
            default -> Junk.longString(random, OVERSIZED_STRING);
        };
        draft.body = slot.replace(root, OpenApi.JSON.writeValueAsString(big));
        draft.what = "field " + slot.name() + " of " + big.length() + " chars";
    }

    static void unknownEnum(Draft draft, Operation operation, Random random) {
        JsonNode root = JsonBody.of(draft);
        List<Slot> enums = JsonBody.slots(root, operation.body().jsonSchema()).stream().filter(s -> s.schema().has("enum")).toList();
        Slot slot = enums.get(random.nextInt(enums.size()));
        List<String> members = new ArrayList<>();
        slot.schema().get("enum").values().forEach(v -> members.add(v.asString()));
        String member = members.get(random.nextInt(members.size()));
        String value;
        do {
            // Not padded with white space: Jackson trims enum names before it looks them up.
            value = Junk.pick(random, member.toLowerCase(Locale.ROOT), member + "X", "X" + member, "", Junk.unicode(random, 6),
                    member.replace('_', '-'), "null", "0", "1", member + member);
        } while (members.contains(value));
        draft.body = slot.replace(root, OpenApi.JSON.writeValueAsString(value));
        draft.what = "field " + slot.name() + " = '" + value + "', not one of " + members;
    }

    static void hugeNumber(Draft draft, Operation operation, Random random) {
        JsonNode root = JsonBody.of(draft);
        List<Slot> slots = JsonBody.slots(root, operation.body().jsonSchema());
        String huge = Junk.pick(random, "1e400", "-1e400", "99999999999999999999999999999", "-9223372036854775809", "2147483648",
                "-2147483649", "1.7976931348623157E309", "123456789012345678901234567890.5", "-1", "-99999999999");
        if (slots.isEmpty()) {
            draft.body = huge.getBytes(StandardCharsets.UTF_8);
            draft.what = "the body is " + huge;
            return;
        }
        List<Slot> numbers = slots.stream().filter(s -> List.of("integer", "number").contains(Schemas.typeOf(s.schema()))).toList();
        Slot slot = !numbers.isEmpty() && random.nextBoolean() ? numbers.get(random.nextInt(numbers.size()))
                : slots.get(random.nextInt(slots.size()));
        if (List.of("integer", "number").contains(Schemas.typeOf(slot.schema()))) {
            // Only numbers that are out of the field's range or declared bounds: others could be valid.
            huge = Schemas.numberOutOfRange(slot.schema(), random);
        }
        draft.body = slot.replace(root, huge);
        draft.what = "field " + slot.name() + " = " + huge;
    }
}
