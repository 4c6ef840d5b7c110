package org.accord.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ApiDocumentRoutesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldReplaceTheServiceOwnServersWithTheGatewayApiBase() {
        String document = "{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"http://proposals:8081\"}],\"paths\":{\"/proposals\":{}}}";

        String rewritten = ApiDocumentRoutes.throughGateway(json, document);

        assertThat(json.readTree(rewritten).path("servers").get(0).path("url").asString()).isEqualTo("/api");
        assertThat(json.readTree(rewritten).path("servers").size()).isEqualTo(1);
        assertThat(json.readTree(rewritten).path("paths").has("/proposals")).isTrue();
    }

    @Test
    void shouldPassAnythingThatIsNotAnOpenApiDocumentThroughUntouched() {
        String problem = "{\"status\":503,\"title\":\"Service Unavailable\"}";

        assertThat(ApiDocumentRoutes.throughGateway(json, problem)).isEqualTo(problem);
        assertThat(ApiDocumentRoutes.throughGateway(json, "<html>not json")).isEqualTo("<html>not json");
        assertThat(ApiDocumentRoutes.throughGateway(json, "")).isEmpty();
    }
}
