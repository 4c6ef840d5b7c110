package org.accord.testing.malformed;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The valid values a malformed request starts from, so that only its one malformation can be why
 * it is refused: the path values, bodies and queries the test names, and examples from the
 * document's schemas for the rest.
 */
final class ValidValues {

    final Map<String, String> pathValues = new HashMap<>();
    final Map<String, Map<String, String>> operationPathValues = new HashMap<>();
    final Map<String, String> bodies = new HashMap<>();
    final Map<String, Map<String, String>> queries = new HashMap<>();

    /** A valid request of the operation. */
    Draft draft(Operation operation) {
        Draft draft = new Draft();
        for (Operation.Parameter parameter : operation.in("path")) {
            String value = operationPathValues.getOrDefault(operation.key(), Map.of()).get(parameter.name());
            if (value == null) {
                value = pathValues.getOrDefault(parameter.name(), "unknown-" + parameter.name());
            }
            draft.path.put(parameter.name(), value);
        }
        Map<String, String> query = queries.get(operation.key());
        if (query != null) {
            query.forEach((k, v) -> draft.query.add(new String[] {k, v}));
        } else {
            for (Operation.Parameter parameter : operation.in("query")) {
                if (parameter.required()) {
                    draft.query.add(new String[] {parameter.name(), String.valueOf(Schemas.validScalar(parameter.schema()))});
                }
            }
        }
        if (operation.body() != null) {
            JsonNode schema = operation.body().jsonSchema();
            if (schema != null) {
                draft.contentType = "application/json";
                draft.body = body(operation, schema).toString().getBytes(StandardCharsets.UTF_8);
            } else {
                Map.Entry<String, JsonNode> first = operation.body().content().entrySet().iterator().next();
                draft.contentType = first.getKey();
                draft.body = "x".getBytes(StandardCharsets.UTF_8);
            }
        }
        return draft;
    }

    private JsonNode body(Operation operation, JsonNode schema) {
        String given = bodies.get(operation.key());
        if (given != null) {
            return OpenApi.JSON.readTree(given);
        }
        return OpenApi.JSON.valueToTree(Schemas.example(schema, 0));
    }
}
