package org.accord.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * Checks a producer's contract module: for every event type there is a committed JSON Schema
 * ({@code schemas/<type>.schema.json}) equal to the one derived from the payload record, and a
 * sample ({@code samples/<type>.json}) that reads strictly into the record, carries every required
 * field, and writes back to the same JSON. Producer modules call it from a unit test; consumers
 * can call it on the samples to check they read what the producer sends.
 */
public final class EventContracts {

    private static final ObjectMapper STRICT = AccordJson.mapper().rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private EventContracts() {
    }

    /** Returns the problems found, empty when the module keeps its contract. */
    public static List<String> problems(List<EventType<?>> types, Class<?> anchor) {
        List<String> problems = new ArrayList<>();
        for (EventType<?> type : types) {
            String schemaPath = "/schemas/" + type.name() + ".schema.json";
            String samplePath = "/samples/" + type.name() + ".json";
            JsonNode expected = EventSchemas.schemaOf(type);
            String committed = read(anchor, schemaPath);
            if (committed == null) {
                problems.add(type.name() + ": missing " + schemaPath);
            } else if (!STRICT.readTree(committed).equals(expected)) {
                problems.add(type.name() + ": " + schemaPath + " differs from the payload record; regenerate it");
            }
            String sample = read(anchor, samplePath);
            if (sample == null) {
                problems.add(type.name() + ": missing " + samplePath);
                continue;
            }
            try {
                Object payload = STRICT.readValue(sample, type.payloadType());
                JsonNode written = STRICT.readTree(STRICT.writeValueAsString(payload));
                JsonNode original = STRICT.readTree(sample);
                if (!written.equals(original)) {
                    problems.add(type.name() + ": sample does not round-trip: " + written);
                }
                for (JsonNode field : expected.get("required")) {
                    if (!original.hasNonNull(field.asString())) {
                        problems.add(type.name() + ": sample lacks required field " + field.asString());
                    }
                }
            } catch (RuntimeException e) {
                problems.add(type.name() + ": sample does not read as " + type.payloadType().getSimpleName() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /** Writes the derived schemas into a module's {@code src/main/resources/schemas}. */
    public static void writeSchemas(List<EventType<?>> types, Path resources) throws IOException {
        Files.createDirectories(resources.resolve("schemas"));
        for (EventType<?> type : types) {
            Files.writeString(resources.resolve("schemas").resolve(type.name() + ".schema.json"),
                    STRICT.writeValueAsString(EventSchemas.schemaOf(type)) + "\n");
        }
    }

    private static String read(Class<?> anchor, String path) {
        try (InputStream in = anchor.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
