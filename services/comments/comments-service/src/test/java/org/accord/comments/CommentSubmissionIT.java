package org.accord.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.accord.comments.events.CommentEvents;
import org.accord.comments.events.CommentSubmitted;
import org.accord.events.AccordJson;
import org.accord.events.Topics;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * National bodies submitting comments over HTTP into periods opened by events: uploads in the
 * template's shapes, retries with an Idempotency-Key that store nothing twice, and refusals that
 * name the offending field, row and column.
 */
class CommentSubmissionIT extends ServiceHarness {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void shouldAnswerARetriedUploadWithTheFirstResultAndStoreItsCommentsOnce() {
        Opened review = openReview(Duration.ofDays(30));
        String path = "/comment-periods/" + review.periodId() + "/comments/batch";
        byte[] position = utf8(csv("KE,60,5.2,,te,\"State why, and how\",,", "KE,,Annex A,,ge,Publish the schema,,",
                "KE,12,3.2,Para 2,ed,\"Line one\nline two\",Fix it,"));

        EntityExchangeResult<String> first = postFile(path, TestTokens.nationalBody("KE"), "text/csv", position, "ke-position-1")
                .expectStatus().isCreated().expectBody(String.class).returnResult();
        EntityExchangeResult<String> retry = postFile(path, TestTokens.nationalBody("KE"), "text/csv", position, "ke-position-1")
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).returnResult();

        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(first.getResponseBody()).contains("\"count\":3").contains("\"row\":2").contains("\"row\":4");
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        get("/comment-periods/" + review.periodId() + "/comments", TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3);
        try (TopicProbe comments = TopicProbe.on(Topics.COMMENTS)) {
            comments.await(r -> isSubmitted(r, review.proposalId()), Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> submitted = comments.collect(r -> isSubmitted(r, review.proposalId()), Duration.ofSeconds(2));
            assertThat(submitted).extracting(r -> AccordJson.read(r.value(), CommentSubmitted.class).clause())
                    .containsExactlyInAnyOrder("5.2", "Annex A", "3.2");
        }

        postFile(path, TestTokens.nationalBody("KE"), "text/csv", utf8(csv("KE,1,1,,ge,Something else,,")), "ke-position-1")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        get("/comment-periods/" + review.periodId() + "/comments", TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3);
    }

    @Test
    void shouldReplayASingleCommentAndAJsonBatchSentAgainWithTheSameKey() {
        Opened review = openReview(Duration.ofDays(30));
        String single = "{\"clause\":\"4.1\",\"type\":\"te\",\"comment\":\"Require the seed\"}";
        String batch = "[{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"a\"},{\"clause\":\"2\",\"type\":\"ed\",\"comment\":\"b\"}]";

        String firstSingle = postWithKey("/comment-periods/" + review.periodId() + "/comments", single, "de-1");
        String retrySingle = postWithKey("/comment-periods/" + review.periodId() + "/comments", single, "de-1");
        String firstBatch = postWithKey("/comment-periods/" + review.periodId() + "/comments/batch", batch, "de-2");
        String retryBatch = postWithKey("/comment-periods/" + review.periodId() + "/comments/batch", batch, "de-2");

        assertThat(retrySingle).isEqualTo(firstSingle).contains("\"clause\":\"4.1\"").contains("\"memberBody\":\"DE\"");
        assertThat(retryBatch).isEqualTo(firstBatch).contains("\"index\":1");
        get("/comment-periods/" + review.periodId() + "/comments?memberBody=DE", TestTokens.nationalBody("DE")).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3);
    }

    private String postWithKey(String path, String json, String key) {
        return http.post().uri(path).headers(h -> {
            h.setBearerAuth(TestTokens.nationalBody("DE"));
            h.set("Idempotency-Key", key);
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void shouldAcceptTheExcelTemplateWithNonLatinText() throws IOException {
        Opened review = openReview(Duration.ofDays(30));

        postFile("/comment-periods/" + review.periodId() + "/comments", TestTokens.nationalBody("JP"), XLSX,
                workbook(new String[] {"JP", "72", "5.3", "Table 1", "te", "信頼水準を固定すべきである。", "95 % を既定とする。"},
                        new String[] {"JP", "", "10", "", "ed", "Clause 10 before clause 2? No.", ""}), null)
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.form").isEqualTo("XLSX")
                .jsonPath("$.comments[0].row").isEqualTo(2)
                .jsonPath("$.comments[1].row").isEqualTo(3);

        get("/comment-periods/" + review.periodId() + "/comments", TestTokens.nationalBody("US")).expectStatus().isOk().expectBody()
                .jsonPath("$[0].clause").isEqualTo("5.3")
                .jsonPath("$[0].comment").isEqualTo("信頼水準を固定すべきである。")
                .jsonPath("$[0].lineNumber").isEqualTo(72)
                .jsonPath("$[1].clause").isEqualTo("10");
    }

    @Test
    void shouldRefuseAWholeUploadNamingTheRowAndColumnOfABadClauseAndStoreNothing() {
        Opened review = openReview(Duration.ofDays(30));

        postFile("/comment-periods/" + review.periodId() + "/comments/batch", TestTokens.nationalBody("KE"), "text/csv",
                utf8(csv("KE,1,1,,ge,fine,,", "KE,2,7.9,,te,no such clause,,", "KE,3,2,,xx,bad type,,")), null)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].row").isEqualTo(3)
                .jsonPath("$.errors[0].column").isEqualTo("Clause/ Subclause")
                .jsonPath("$.errors[0].field").isEqualTo("clause")
                .jsonPath("$.errors[1].row").isEqualTo(4)
                .jsonPath("$.errors[1].column").isEqualTo("Type of comment");
        get("/comment-periods/" + review.periodId() + "/comments", TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void shouldRefuseRowsOfAnotherMemberBodyAsForbiddenNamingTheRow() {
        Opened review = openReview(Duration.ofDays(30));

        postFile("/comment-periods/" + review.periodId() + "/comments/batch", TestTokens.nationalBody("KE"), "text/csv",
                utf8(csv("KE,1,1,,ge,ours,,", "FR,2,1,,ge,not ours,,")), null)
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].row").isEqualTo(3)
                .jsonPath("$.errors[0].column").isEqualTo("MB/NC")
                .jsonPath("$.errors[0].field").isEqualTo("memberBody");
    }

    @Test
    void shouldRefuseANationalBodyOutsideTheCommitteeAndAJsonBatchWithABadType() {
        Opened review = openReview(Duration.ofDays(30));
        String comments = "/comment-periods/" + review.periodId() + "/comments";

        postJson(comments, TestTokens.nationalBody("ZW"), "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"outsider\"}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("memberBody")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ZW is not a P- or O-member"));
        postJson(comments + "/batch", TestTokens.nationalBody("KE"),
                "[{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"ok\"},{\"clause\":\"1\",\"type\":\"typo\",\"comment\":\"x\"}]")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("[1].type");
        postJson(comments, TestTokens.nationalBody("KE"), "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"x\",\"colour\":\"red\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("colour");
        postJson(comments, TestTokens.editor(), "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"editors do not comment\"}")
                .expectStatus().isForbidden();
        postFile(comments + "/batch", TestTokens.nationalBody("KE"), "text/plain", utf8("KE,1,1,,ge,x,,"), null)
                .expectStatus().isEqualTo(415);
        postJson("/comment-periods/no-such-period/comments", TestTokens.nationalBody("KE"),
                "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"x\"}").expectStatus().isNotFound();
    }

    @Test
    void shouldShowPeriodsAndCommentsOnlyToTheEditorSecretariatAndMembers() {
        Opened review = openReview(Duration.ofDays(30));
        String period = "/comment-periods/" + review.periodId();

        get(period, null).expectStatus().isUnauthorized();
        get(period + "/comments", null).expectStatus().isUnauthorized();
        get(period, TestTokens.nationalBody("ZW")).expectStatus().isForbidden();
        get(period + "/compilation", TestTokens.nationalBody("ZW")).expectStatus().isForbidden();
        get(period, TestTokens.secretariat()).expectStatus().isOk();
        get(period, TestTokens.nationalBody("SE")).expectStatus().isOk();
        get("/comment-periods?proposal=" + review.proposalId(), TestTokens.nationalBody("ZW")).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        get("/comment-periods?proposal=" + review.proposalId(), TestTokens.nationalBody("GB")).expectStatus().isOk().expectBody()
                .jsonPath("$[0].periodId").isEqualTo(review.periodId())
                .jsonPath("$[0].clauses[0].number").isEqualTo("Foreword");
    }

    private static boolean isSubmitted(ConsumerRecord<String, byte[]> record, String proposalId) {
        return CommentEvents.SUBMITTED.name().equals(TopicProbe.header(record, "ce_type"))
                && proposalId.equals(TopicProbe.header(record, "ce_subject"));
    }

    private static byte[] workbook(String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Template");
            String[] titles = {"MB/NC", "Line number", "Clause/ Subclause", "Paragraph/ Figure/ Table", "Type of comment", "Comments",
                    "Proposed change", "Observations of the secretariat"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (c == 1 && !rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
