package org.accord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.accord.events.AccordJson;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API documents as the gateway's Swagger UI serves them (the four services and the token
 * endpoint), checked by two third-party validators with their recommended rule sets, Redocly CLI
 * and Spectral (installed by the build from openapi-lint/package-lock.json): any error fails.
 * Besides, what those rule sets do not ask: a resource tag and a summary on every operation,
 * refusals as problem+json of the shared schema, 201 with Location where the API creates, and
 * the OAuth2 scheme with the gateway's token URL. The documents are kept in target/api-docs/.
 */
@Order(0)
class ApiDocumentsIT extends SystemTest {

    static final List<String> DOCUMENTS = List.of("proposals", "comments", "voting", "publication", "identity");
    static final Path LINT = Path.of(System.getProperty("accord.openapi-lint", "openapi-lint")).toAbsolutePath();
    static final Path KEPT = Path.of("target", "api-docs").toAbsolutePath();

    @Test
    void shouldDescribeEveryOperationWithATagASummaryItsSuccessAndItsRefusals() throws IOException {
        Files.createDirectories(KEPT);
        for (String name : DOCUMENTS) {
            String text = api.getAnonymous("/api-docs/" + name, "application/json").requireStatus(200).text();
            Files.writeString(KEPT.resolve(name + ".json"), text);
            JsonNode document = AccordJson.mapper().readTree(text);
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                    JsonNode operation = method.getValue();
                    String where = method.getKey().toUpperCase() + " " + path.getKey();
                    if (operation.path("summary").asString("").isBlank()) {
                        missing.add(where + ": no summary");
                    }
                    String tag = operation.path("tags").path(0).asString("");
                    if (tag.isBlank() || tag.endsWith("-controller")) {
                        missing.add(where + ": tag '" + tag + "'");
                    }
                    if (!operation.has("security")) {
                        missing.add(where + ": no security");
                    }
                    if (!name.equals("identity")) {
                        JsonNode badRequest = operation.path("responses").path("400").path("content").path("application/problem+json");
                        if (!badRequest.path("schema").path("$ref").asString("").equals("#/components/schemas/Problem")) {
                            missing.add(where + ": no problem+json 400");
                        }
                    }
                }
            }
            assertThat(missing).as(name).isEmpty();
            if (!name.equals("identity")) {
                assertThat(document.path("components").path("securitySchemes").path("accord-oauth2").path("flows")
                        .path("clientCredentials").path("tokenUrl").asString()).isEqualTo(api.base() + "/oauth2/token");
            }
        }
        JsonNode proposals = AccordJson.mapper().readTree(Files.readString(KEPT.resolve("proposals.json")));
        JsonNode submit = proposals.path("paths").path("/proposals").path("post").path("responses");
        assertThat(submit.has("201")).isTrue();
        assertThat(submit.has("200")).isFalse();
        assertThat(submit.path("201").path("headers").has("Location")).isTrue();
        assertThat(submit.path("422").path("content").has("application/problem+json")).isTrue();
        assertThat(proposals.path("paths").path("/committees").path("get").path("security").isEmpty())
                .as("public reads need no token").isTrue();
    }

    @Test
    void shouldPassRedoclyAndSpectralWithTheirRecommendedRules() throws Exception {
        Files.createDirectories(KEPT);
        List<String> errors = new ArrayList<>();
        for (String name : DOCUMENTS) {
            Path document = KEPT.resolve(name + ".json");
            Files.writeString(document, api.getAnonymous("/api-docs/" + name, "application/json").requireStatus(200).text());
            Run redocly = run(LINT.resolve("node_modules/.bin/redocly").toString(), "lint", "--config",
                    LINT.resolve("redocly.yaml").toString(), "--format", "stylish", document.toString());
            if (redocly.exit() != 0) {
                errors.add("redocly " + name + ":\n" + redocly.output());
            }
            Run spectral = run(LINT.resolve("node_modules/.bin/spectral").toString(), "lint", "--ruleset",
                    LINT.resolve(".spectral.yaml").toString(), "--fail-severity", "error", "--format", "text", document.toString());
            if (spectral.exit() != 0) {
                errors.add("spectral " + name + ":\n" + spectral.output());
            }
        }
        assertThat(errors).as("validator errors (documents in %s)", KEPT).isEmpty();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        assertThat(Path.of(command[0])).as("installed by the build (npm ci in openapi-lint)").isExecutable();
        Process process = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
