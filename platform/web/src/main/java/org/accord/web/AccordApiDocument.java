package org.accord.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every Accord API document says the same way: one tag per resource (the path's first
 * segment: {@code proposals}, {@code comment-periods}, ...), a summary for every operation, the
 * OAuth2 client-credentials scheme with the gateway's token URL, public reads marked as needing
 * no token ({@code security: []}, or a token optional where one shows more), and the refusals as
 * {@code application/problem+json} with one shared {@code Problem} schema: 400 for every
 * operation, 401/403 where a token is needed, 404 where the path names something, 409/412 for
 * commands, 413/415/422 where a body is sent. A created resource's 201 carries {@code Location}.
 */
public class AccordApiDocument implements GlobalOpenApiCustomizer {

    public static final String SCHEME = "accord-oauth2";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Map<String, String> REFUSALS = new LinkedHashMap<>();

    static {
        REFUSALS.put("400", "Malformed request: a parameter or the body cannot be read (the problem names the field)");
        REFUSALS.put("401", "No valid bearer token");
        REFUSALS.put("403", "The token's role or member body may not do this");
        REFUSALS.put("404", "Nothing is found under this address");
        REFUSALS.put("409", "The current state does not allow this (the problem says what it allows)");
        REFUSALS.put("412", "If-Match names a version that is no longer the current one");
        REFUSALS.put("413", "The body is larger than the API accepts");
        REFUSALS.put("415", "The body's media type is not one this operation reads");
        REFUSALS.put("422", "The request is well formed but a field's value is refused (the problem names each field)");
    }

    private final String tokenUrl;
    private final List<PathPattern> publicGets;
    private final List<PathPattern> tokenOptionalGets;

    public AccordApiDocument(String tokenUrl, List<String> publicGetPaths, List<String> tokenOptionalGetPaths) {
        this.tokenUrl = tokenUrl;
        this.publicGets = patterns(publicGetPaths);
        this.tokenOptionalGets = patterns(tokenOptionalGetPaths);
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas("FieldError", new ObjectSchema()
                .description("One refused field: its name (or row and column of an upload) and why")
                .addProperty("field", new StringSchema().description("the field, parameter or header"))
                .addProperty("message", new StringSchema())
                .addProperty("row", new IntegerSchema().description("the row of an uploaded file, from 1"))
                .addProperty("column", new StringSchema().description("the column of an uploaded file")));
        components.addSchemas(PROBLEM, new ObjectSchema()
                .description("RFC 9457 problem details; Accord adds the refused fields and, for a state conflict, what is allowed")
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError")))
                .required(List.of("title", "status")));
        components.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Client credentials from the identity service, through the gateway: editors, the secretariat, national bodies")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(new Scopes()))));
        Set<String> tags = new TreeSet<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String tag = resource(path);
                tags.add(tag);
                operation.setTags(new ArrayList<>(List.of(tag)));
                if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                    operation.setSummary(sentence(operation.getOperationId(), method, path));
                }
                describe(path, method, operation);
            }));
        }
        List<Tag> declared = new ArrayList<>();
        tags.forEach(tag -> declared.add(new Tag().name(tag).description("Operations on " + tag.replace('-', ' '))));
        api.setTags(declared);
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
        PathContainer container = PathContainer.parsePath(path.replaceAll("\\{[^}]+}", "x"));
        boolean isPublic = read && publicGets.stream().anyMatch(p -> p.matches(container));
        if (isPublic && tokenOptionalGets.stream().anyMatch(p -> p.matches(container))) {
            operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(SCHEME)));
        } else if (isPublic) {
            operation.setSecurity(new ArrayList<>());
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        ApiResponse created = responses.get("201");
        if (created != null) {
            responses.remove("200");
            if (created.getHeaders() == null || !created.getHeaders().containsKey("Location")) {
                created.addHeaderObject("Location", new Header().description("Where the created resource is read, through the gateway")
                        .schema(new StringSchema().format("uri")));
            }
        }
        responses.values().forEach(response -> {
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription("OK");
            }
        });
        Set<String> codes = new LinkedHashSet<>();
        codes.add("400");
        if (!isPublic || tokenOptionalGets.stream().anyMatch(p -> p.matches(container))) {
            codes.add("401");
            codes.add("403");
        }
        if (path.contains("{")) {
            codes.add("404");
        }
        if (!read) {
            codes.add("409");
            codes.add("412");
        }
        if (operation.getRequestBody() != null) {
            codes.add("413");
            codes.add("415");
        }
        if (operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            codes.add("422");
        }
        for (String code : codes) {
            ApiResponse existing = responses.get(code);
            if (existing == null || existing.getContent() == null || !existing.getContent().containsKey("application/problem+json")) {
                responses.addApiResponse(code, new ApiResponse().description(REFUSALS.get(code)).content(new Content()
                        .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
            }
        }
    }

    /** The resource an address is about: its first segment ({@code /comment-periods/{id}/comments} -> comment-periods). */
    static String resource(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
        return first.isEmpty() || first.startsWith("{") ? "accord" : first;
    }

    /** A summary from the operation's name where the code gives none: {@code openCommentPeriod} -> "Open comment period". */
    static String sentence(String operationId, PathItem.HttpMethod method, String path) {
        if (operationId == null || operationId.isBlank()) {
            return method.name() + " " + path;
        }
        String words = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<PathPattern> patterns(List<String> paths) {
        List<PathPattern> patterns = new ArrayList<>();
        if (paths != null) {
            paths.forEach(p -> patterns.add(PathPatternParser.defaultInstance.parse(p)));
        }
        return patterns;
    }
}
