package org.accord.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document describes the comment endpoints as callers use them: the caller comes from the token, not a parameter. */
class ApiDocumentIT extends ServiceHarness {

    @Test
    void shouldDescribeEveryCommentEndpointWithoutTheCallerAsAParameter() {
        byte[] body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(body).get("paths");

        assertThat(paths.propertyNames()).contains("/comment-periods", "/comment-periods/{periodId}",
                "/comment-periods/{periodId}/comments", "/comment-periods/{periodId}/comments/batch",
                "/comment-periods/{periodId}/compilation", "/comments/{commentId}", "/comments/{commentId}/history",
                "/comments/{commentId}/withdrawal", "/comments/{commentId}/disposition");
        assertThat(parameters(paths.get("/comment-periods/{periodId}").get("get"))).containsExactly("periodId");
        assertThat(parameters(paths.get("/comments/{commentId}/disposition").get("put"))).containsExactly("commentId");
        assertThat(parameters(paths.get("/comment-periods/{periodId}/comments/batch").get("post")))
                .containsExactlyInAnyOrder("periodId", "Idempotency-Key");
        assertThat(paths.get("/comment-periods/{periodId}/comments/batch").get("post").get("requestBody").get("content").propertyNames())
                .contains("application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        if (operation.has("parameters")) {
            operation.get("parameters").forEach(p -> names.add(p.get("name").asString()));
        }
        return names;
    }
}
