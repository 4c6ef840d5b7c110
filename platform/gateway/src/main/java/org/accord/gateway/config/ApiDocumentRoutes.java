package org.accord.gateway.config;

import java.util.List;
import java.util.Map;

import org.accord.gateway.api.ForwardedRequestHeaders;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api-docs/<service>} serves each service's OpenAPI document for the one Swagger UI.
 * The document's {@code servers} is replaced by the gateway's {@code /api}, so "Try it out" goes
 * through the gateway (a service would name its own host and port, unreachable from outside), and
 * its OAuth2 token URL by the gateway's {@code /oauth2/token}. {@code /api-docs/identity} is the
 * token endpoint's document, kept here.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentRoutes {

    static final String GATEWAY_API_BASE = "/api";

    /** The services whose OpenAPI document the gateway serves (identity's is kept here). */
    static final List<String> DOCUMENTED_SERVICES = List.of("proposals", "comments", "voting", "publication");

    @Bean
    RouteLocator apiDocuments(RouteLocatorBuilder builder, JsonMapper json, ForwardedRequestHeaders forwarded) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        DOCUMENTED_SERVICES.forEach(service -> routes.route("api-docs-" + service, route -> route
                .path("/api-docs/" + service)
                .filters(filters -> filters
                        .setPath("/v3/api-docs")
                        .modifyResponseBody(String.class, String.class,
                                (exchange, document) -> Mono.justOrEmpty(throughGateway(json, document,
                                        forwarded.publicPrefix(exchange) + GATEWAY_API_BASE,
                                        forwarded.publicBase(exchange) + "/oauth2/token"))))
                .uri("lb://" + service)));
        return routes.build();
    }

    /** The token endpoint's own document (identity serves none): what the other documents name as their token URL. */
    @Bean
    RouterFunction<ServerResponse> tokenEndpointDocument() {
        Resource document = new ClassPathResource("api-docs/identity.json");
        return RouterFunctions.route()
                .GET("/api-docs/identity", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document))
                .build();
    }

    static String throughGateway(JsonMapper json, String document) {
        return throughGateway(json, document, GATEWAY_API_BASE, null);
    }

    /**
     * The document as the client should use it: its server is the gateway's API base as the client
     * reaches it ({@code apiBase}, a proxy's prefix first), its token URL the gateway's token
     * endpoint as the client reaches it (a trusted proxy's scheme, host, port and prefix).
     */
    static String throughGateway(JsonMapper json, String document, String apiBase, String tokenUrl) {
        if (document == null || document.isBlank()) {
            return document;
        }
        JsonNode tree;
        try {
            tree = json.readTree(document);
        } catch (RuntimeException notJson) {
            // An error page or anything else that is not a document passes through untouched.
            return document;
        }
        if (!(tree instanceof ObjectNode object) || !object.has("openapi")) {
            return document;
        }
        object.set("servers", json.valueToTree(List.of(Map.of("url", apiBase, "description", "Accord gateway"))));
        JsonNode flow = object.path("components").path("securitySchemes").path("accord-oauth2").path("flows").path("clientCredentials");
        if (tokenUrl != null && flow instanceof ObjectNode credentials) {
            credentials.put("tokenUrl", tokenUrl);
        }
        return json.writeValueAsString(object);
    }
}
