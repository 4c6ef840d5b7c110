package org.accord.testing.malformed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operations of a service's OpenAPI document ({@code /v3/api-docs}), with references resolved. */
public final class OpenApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApi() {
    }

    /** The document the service at {@code baseUrl} serves. */
    static JsonNode fetch(String baseUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /v3/api-docs answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every operation of the document, in document order. */
    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").values().forEach(shared::add);
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD").contains(method)) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Operation.Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                op.path("parameters").values().forEach(declared::add);
                for (JsonNode p : declared) {
                    JsonNode parameter = resolve(document, p);
                    parameters.add(new Operation.Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                            parameter.path("required").asBoolean(false), resolve(document, parameter.path("schema"))));
                }
                Operation.RequestBody body = null;
                JsonNode requestBody = resolve(document, op.path("requestBody"));
                if (!requestBody.isMissingNode() && requestBody.has("content")) {
                    Map<String, JsonNode> content = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> media : requestBody.path("content").properties()) {
                        content.put(media.getKey(), resolve(document, media.getValue().path("schema")));
                    }
                    body = new Operation.RequestBody(requestBody.path("required").asBoolean(false), content);
                }
                operations.add(new Operation(method, path.getKey(), List.copyOf(parameters), body));
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asString();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(document, current.get("allOf").get(0));
        }
        return current;
    }
}
