package org.accord.testing.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Temporary: the package plans and malforms exactly the requests the single class did. */
class PlanEquivalenceTest {

    @Test
    void shouldPlanAndMalformTheSameRequestsAsBefore() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/malformed-sample-api.json")) {
            document = OpenApi.JSON.readTree(in);
        }
        for (long seed : new long[] {1L, 20_270_083L, 20_270_084L, 42L}) {
            LegacyMalformedRequests legacy = LegacyMalformedRequests.against("http://localhost:1").seed(seed).requests(6_000)
                    .pathValue("slug", "ACC-TC-1").pathValue("POST /items/{id}/rows", "id", "7")
                    .validQuery("GET /committees/{slug}/items", Map.of("stage", "DRAFT"));
            ValidValues valid = new ValidValues();
            valid.pathValues.put("slug", "ACC-TC-1");
            valid.operationPathValues.put("POST /items/{id}/rows", Map.of("id", "7"));
            valid.queries.put("GET /committees/{slug}/items", Map.of("stage", "DRAFT"));
            List<String> before = legacy.describe(document).stream().map(PlanEquivalenceTest::normalised).toList();
            List<String> after = new ArrayList<>();
            for (Plan.Planned p : Plan.of(OpenApi.operations(document), seed, 6_000)) {
                Draft d = Plan.draft(valid, p, seed);
                after.add(normalised(p.index() + "|" + p.kind() + "|" + p.operation().key() + "|" + d.what
                        + (d.expected == Expectation.REFUSED ? "" : ", may be accepted")
                        + "|" + d.uri(p.operation()) + "|" + d.contentType + "|" + d.headers + "|" + d.pathRaw
                        + "|" + (d.body == null ? "null" : java.util.Base64.getEncoder().encodeToString(d.body))));
            }
            assertThat(after).hasSize(before.size());
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).as("request %d of seed %d", i, seed).isEqualTo(before.get(i));
            }
            System.out.println("seed " + seed + ": " + before.size() + " requests alike; kinds "
                    + before.stream().map(s -> s.split("\\|")[1]).distinct().sorted().toList());
        }
    }

    /** Date-times are examples from the clock: only their shape is compared. */
    private static String normalised(String line) {
        String[] parts = line.split("\\|", -1);
        String body = parts[parts.length - 1];
        if (!body.equals("null")) {
            String text = new String(java.util.Base64.getDecoder().decode(body), StandardCharsets.ISO_8859_1);
            parts[parts.length - 1] = text.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:]*", "<date-time>");
        }
        return String.join("|", parts);
    }
}
