package org.accord.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.accord.comments.events.CommentEvents;
import org.accord.comments.events.CommentResolved;
import org.accord.events.AccordJson;
import org.accord.events.Topics;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After submission: the member body amends and withdraws its own comments while the period is
 * open, the editor and the secretariat record dispositions, the history says who decided what,
 * and the compilation lists the comments in clause order as JSON, CSV and Excel.
 */
class CommentDispositionIT extends ServiceHarness {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldAmendWithdrawResolveAndCompileInClauseOrderWithTheObservationsFilled() throws IOException {
        Opened review = openReview(Duration.ofDays(30));
        String period = "/comment-periods/" + review.periodId();
        JsonNode us = submit(period, "US", "[{\"clause\":\"10\",\"type\":\"te\",\"comment\":\"Conformance is vague\"},"
                + "{\"clause\":\"2\",\"type\":\"ed\",\"comment\":\"Typo: artifact\",\"proposedChange\":\"artefact\"},"
                + "{\"clause\":\"A.1\",\"type\":\"ge\",\"comment\":\"Schema URL\"}]");
        JsonNode br = submit(period, "BR", "[{\"clause\":\"Annex A\",\"type\":\"ge\",\"comment\":\"Publish the schema, versioned\"},"
                + "{\"clause\":\"2\",\"type\":\"te\",\"comment\":\"Cite ISO 3166-1\"},"
                + "{\"clause\":\"Foreword\",\"type\":\"ed\",\"comment\":\"Committee name\"}]");
        String usTen = us.get("comments").get(0).get("commentId").asString();
        String usTwo = us.get("comments").get(1).get("commentId").asString();
        String brTwo = br.get("comments").get(1).get("commentId").asString();
        String brForeword = br.get("comments").get(2).get("commentId").asString();

        put("/comments/" + usTwo, TestTokens.nationalBody("US"), "{\"clause\":\"3.2\",\"type\":\"ed\",\"comment\":\"Typo: artifact, twice\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.clause").isEqualTo("3.2").jsonPath("$.status").isEqualTo("SUBMITTED");
        put("/comments/" + usTwo, TestTokens.nationalBody("BR"), "{\"clause\":\"3.2\",\"type\":\"ed\",\"comment\":\"hijack\"}")
                .expectStatus().isForbidden();
        http.delete().uri("/comments/" + brForeword).headers(h -> h.setBearerAuth(TestTokens.nationalBody("BR"))).exchange()
                .expectStatus().isNoContent();
        http.post().uri("/comments/" + brForeword + "/withdrawal").headers(h -> h.setBearerAuth(TestTokens.nationalBody("BR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        put("/comments/" + usTen + "/disposition", TestTokens.editor(),
                "{\"disposition\":\"accepted-in-principle\",\"observations\":\"Clause 10 now lists the checks.\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.disposition").isEqualTo("accepted-in-principle");
        put("/comments/" + usTen + "/disposition", TestTokens.secretariat(), "{\"disposition\":\"accepted\"}").expectStatus().isOk();
        put("/comments/" + brTwo + "/disposition", TestTokens.secretariat(),
                "{\"disposition\":\"not-accepted\",\"observations\":\"ISO 3166-1 is informative here.\"}").expectStatus().isOk();
        put("/comments/" + brTwo + "/disposition", TestTokens.nationalBody("BR"), "{\"disposition\":\"accepted\"}")
                .expectStatus().isForbidden();
        put("/comments/" + brTwo + "/disposition", TestTokens.editor(), "{\"disposition\":\"maybe\"}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("disposition");
        put("/comments/" + brForeword + "/disposition", TestTokens.editor(), "{\"disposition\":\"noted\"}").expectStatus().isEqualTo(409);

        get("/comments/" + usTen + "/history", TestTokens.nationalBody("KE")).expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(3)
                .jsonPath("$.entries[0].action").isEqualTo("SUBMITTED")
                .jsonPath("$.entries[0].by").isEqualTo("nb-us")
                .jsonPath("$.entries[1].action").isEqualTo("RESOLVED")
                .jsonPath("$.entries[1].by").isEqualTo("editor")
                .jsonPath("$.entries[1].disposition").isEqualTo("accepted-in-principle")
                .jsonPath("$.entries[2].by").isEqualTo("secretariat")
                .jsonPath("$.entries[2].disposition").isEqualTo("accepted");
        get("/comments/" + usTwo + "/history", TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.entries[1].action").isEqualTo("AMENDED")
                .jsonPath("$.entries[1].replaced.clause").isEqualTo("2");

        get(period + "/compilation", TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(5)
                .jsonPath("$.comments[*].clause").isEqualTo(List.of("2", "3.2", "10", "Annex A", "A.1"))
                .jsonPath("$.comments[2].secretariatObservations").isEqualTo("Accepted")
                .jsonPath("$.comments[0].secretariatObservations").isEqualTo("Not accepted. ISO 3166-1 is informative here.");

        byte[] csv = http.get().uri(period + "/compilation").headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().value("Content-Disposition", value -> assertThat(value).contains("attachment").contains(".csv"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        // A UTF-8 byte-order mark first, so Excel reads the file as UTF-8; a CSV reader like Excel's skips it.
        assertThat(java.util.Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("MB/NC", "Line number", "Clause/ Subclause", "Paragraph/ Figure/ Table",
                "Type of comment", "Comments", "Proposed change", "Observations of the secretariat");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(2) + "/" + r.get(0))
                .containsExactly("2/BR", "3.2/US", "10/US", "Annex A/BR", "A.1/US");
        assertThat(rows.get(1).get(7)).isEqualTo("Not accepted. ISO 3166-1 is informative here.");

        byte[] xlsx = http.get().uri(period + "/compilation").headers(h -> h.setBearerAuth(TestTokens.nationalBody("KE")))
                .accept(MediaType.parseMediaType(XLSX)).exchange()
                .expectStatus().isOk().expectHeader().contentType(XLSX)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("10");
            assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).isEqualTo("Accepted");
        }

        try (TopicProbe comments = TopicProbe.on(Topics.COMMENTS)) {
            comments.await(r -> CommentEvents.RESOLVED.name().equals(TopicProbe.header(r, "ce_type"))
                    && AccordJson.read(r.value(), CommentResolved.class).disposition().equals("NOT_ACCEPTED")
                    && review.proposalId().equals(TopicProbe.header(r, "ce_subject")), Duration.ofSeconds(20));
            List<String> types = comments.collect(r -> review.proposalId().equals(TopicProbe.header(r, "ce_subject")), Duration.ofSeconds(1))
                    .stream().map(r -> TopicProbe.header(r, "ce_type")).toList();
            assertThat(types).contains(CommentEvents.AMENDED.name(), CommentEvents.WITHDRAWN.name());
            assertThat(types).filteredOn(CommentEvents.WITHDRAWN.name()::equals).hasSize(1);
            assertThat(types).filteredOn(CommentEvents.RESOLVED.name()::equals).hasSize(3);
        }
    }

    @Test
    void shouldRefuseNewCommentsAmendmentsAndWithdrawalsOnceThePeriodClosedButStillReplayAndAcceptDispositions() {
        Opened review = openReview(Duration.ofDays(30));
        byte[] position = utf8(csv("KE,60,5.2,,te,x,,"));
        String batch = "/comment-periods/" + review.periodId() + "/comments/batch";
        String receipt = postFile(batch, TestTokens.nationalBody("KE"), "text/csv", position, "ke-before-close")
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String id = JSON.readTree(receipt).get("comments").get(0).get("commentId").asString();
        publish(org.accord.proposals.events.ProposalEvents.REVIEW_CLOSE_REQUESTED, review.proposalId(),
                new org.accord.proposals.events.ReviewCloseRequested(review.proposalId(), review.periodId(), "editor", java.time.Instant.now()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("/comment-periods/" + review.periodId(), TestTokens.editor()).expectBody().jsonPath("$.status").isEqualTo("CLOSED"));

        // A retry of the upload that was accepted before the close still gets its first answer.
        postFile(batch, TestTokens.nationalBody("KE"), "text/csv", position, "ke-before-close")
                .expectStatus().isCreated().expectBody(String.class).isEqualTo(receipt);
        postFile(batch, TestTokens.nationalBody("KE"), "text/csv", position, "ke-after-close").expectStatus().isEqualTo(409);
        put("/comments/" + id, TestTokens.nationalBody("KE"), "{\"clause\":\"5.2\",\"type\":\"te\",\"comment\":\"y\"}")
                .expectStatus().isEqualTo(409);
        http.delete().uri("/comments/" + id).headers(h -> h.setBearerAuth(TestTokens.nationalBody("KE"))).exchange()
                .expectStatus().isEqualTo(409);
        put("/comments/" + id + "/disposition", TestTokens.editor(), "{\"disposition\":\"noted\"}").expectStatus().isOk();
        get("/comments/no-such-comment", TestTokens.editor()).expectStatus().isNotFound();
        get("/comments/" + id + "-9", TestTokens.editor()).expectStatus().isNotFound();
    }

    private JsonNode submit(String period, String memberBody, String batch) {
        byte[] body = postJson(period + "/comments/batch", TestTokens.nationalBody(memberBody), batch)
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String path, String token, String json) {
        return http.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
