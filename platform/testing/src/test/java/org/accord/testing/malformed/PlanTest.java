package org.accord.testing.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The plan over a sample document that takes every kind of input (malformed-sample-api.json). */
class PlanTest {

    @Test
    void shouldTryEveryApplicableKindOnEveryOperationAndEveryKindSomewhere() throws IOException {
        List<Operation> operations = OpenApi.operations(sample());
        List<Plan.Planned> plan = Plan.of(operations, 7L, 3_000);

        assertThat(plan).hasSize(3_000);
        for (Operation operation : operations) {
            assertThat(plan.stream().filter(p -> p.operation().equals(operation)).map(Plan.Planned::kind).distinct())
                    .as(operation.key()).containsExactlyInAnyOrderElementsOf(Kind.applicable(operation));
        }
        assertThat(plan.stream().map(Plan.Planned::kind).distinct()).containsExactlyInAnyOrder(Kind.values());
        assertThat(Kind.applicable(operation(operations, "POST /notes"))).as("a write that takes nothing").isEmpty();
        assertThat(Kind.applicable(operation(operations, "GET /feeds/atom"))).containsExactly(Kind.UNEXPECTED_QUERY);
    }

    @Test
    void shouldMalformTheSameRequestsForTheSameSeed() throws IOException {
        List<Operation> operations = OpenApi.operations(sample());
        ValidValues valid = new ValidValues();
        valid.queries.put("GET /committees/{slug}/items", Map.of("stage", "DRAFT"));

        List<String> first = drafts(valid, Plan.of(operations, 11L, 1_000), 11L);
        List<String> again = drafts(valid, Plan.of(operations, 11L, 1_000), 11L);
        List<String> other = drafts(valid, Plan.of(operations, 12L, 1_000), 12L);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static List<String> drafts(ValidValues valid, List<Plan.Planned> plan, long seed) {
        return plan.stream().map(p -> {
            Draft draft = Plan.draft(valid, p, seed);
            // Date-times are examples from the clock.
            String body = draft.body == null ? "" : new String(draft.body, StandardCharsets.ISO_8859_1)
                    .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:]*", "<date-time>");
            return p.kind() + " " + draft.what + " " + draft.uri(p.operation()) + " " + draft.headers + " " + draft.expected + " " + body;
        }).toList();
    }

    private static Operation operation(List<Operation> operations, String key) {
        return operations.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }

    private static JsonNode sample() throws IOException {
        try (InputStream in = PlanTest.class.getResourceAsStream("/malformed-sample-api.json")) {
            return OpenApi.JSON.readTree(in);
        }
    }
}
