package org.accord.testing.malformed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** An operation of a service's OpenAPI document (see {@link OpenApi}). */
public record Operation(String method, String path, List<Parameter> parameters, RequestBody body) {

    public String key() {
        return method + " " + path;
    }

    public boolean safe() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /**
     * The parameters in the path, query or header. {@code Accept} is left out of the headers:
     * it is content negotiation (a 406 for what the client cannot take), not an input value.
     */
    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where))
                .filter(p -> !(where.equals("header") && List.of("accept", "content-type").contains(p.name().toLowerCase(Locale.ROOT))))
                .toList();
    }

    /**
     * Headers whose junk values are wrong whatever the service: entity tags of conditional requests
     * (junk never matches), and headers whose schema constrains them. A free-form header (an
     * {@code Idempotency-Key}) takes any value the document allows, so junk there is no malformation.
     */
    List<Parameter> malformableHeaders() {
        return in("header").stream()
                .filter(p -> List.of("if-match", "if-none-match").contains(p.name().toLowerCase(Locale.ROOT))
                        || p.schema().has("pattern") || p.schema().has("maxLength") || p.schema().has("enum"))
                .toList();
    }

    /** A path, query or header parameter and its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** The request body: whether it is required, and the schema per accepted media type. */
    public record RequestBody(boolean required, Map<String, JsonNode> content) {

        boolean acceptsJson() {
            return content.keySet().stream().anyMatch(RequestBody::isJson);
        }

        JsonNode jsonSchema() {
            return content.entrySet().stream().filter(e -> isJson(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        List<String> nonJsonTypes() {
            return content.keySet().stream().filter(type -> !isJson(type)).toList();
        }

        boolean accepts(String contentType) {
            String type = contentType.toLowerCase(Locale.ROOT);
            int semicolon = type.indexOf(';');
            String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
            for (String accepted : content.keySet()) {
                String a = accepted.toLowerCase(Locale.ROOT);
                if (a.equals("*/*") || a.startsWith(bare) || (a.endsWith("/*") && bare.startsWith(a.substring(0, a.length() - 1)))) {
                    return true;
                }
            }
            return false;
        }

        static boolean isJson(String mediaType) {
            String type = mediaType.toLowerCase(Locale.ROOT);
            return type.startsWith("application/json") || type.contains("+json") || type.equals("*/*");
        }
    }
}
