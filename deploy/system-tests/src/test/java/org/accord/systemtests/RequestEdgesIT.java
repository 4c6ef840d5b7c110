package org.accord.systemtests;

import static org.accord.systemtests.api.AccordApi.nationalBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.Workflow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one request body limit of the whole path (4 MB, {@code accord.max-request-size}) through the
 * real gateway in front of the real comments service: a CSV upload just under it is stored; bodies
 * just under and at it reach the service whole and get the service's own answer; bodies over it,
 * declared (Content-Length) or chunked, get 413 problem+json from the gateway every time, and from
 * the service itself when sent to it directly; never a 502, never a reset connection.
 */
@Order(4)
class RequestEdgesIT extends SystemTest {

    static final int LIMIT = 4 * 1024 * 1024;
    static final int TRIES = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldStoreACsvUploadJustUnderTheLimit() {
        ProposalRun run = newRun("body-limit");
        workflow.submit(run, Workflow.draft(run.name));
        workflow.openCommentPeriod(run, Instant.now().plus(Duration.ofMinutes(10)));
        byte[] csv = csvJustUnder(LIMIT);
        assertThat(csv.length).isBetween(LIMIT - 8 * 1024, LIMIT);

        // Stored and counted, or this fails: 201 with one comment per row.
        workflow.uploadCsv(run, run.lastPeriod("COMMITTEE"), "FR", csv);
    }

    @Test
    void shouldCarryBodiesJustUnderAndAtTheLimitWholeToTheService() throws Exception {
        for (int size : new int[] {LIMIT - 1, LIMIT}) {
            for (boolean chunked : new boolean[] {false, true}) {
                for (int attempt = 1; attempt <= TRIES; attempt++) {
                    String what = size + " bytes, chunked " + chunked + ", try " + attempt;
                    HttpResponse<String> response = upload(api.base() + "/api", size, chunked);

                    // The comments service's own answer to a body that is no CSV of an open period.
                    assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(400, 499).isNotEqualTo(413);
                    JsonNode problem = JSON.readTree(response.body());
                    assertThat(problem.has("route")).as(what + ": answered by the service, not the gateway").isFalse();
                }
            }
        }
    }

    @Test
    void shouldRefuseEveryBodyOverTheLimitWith413AtTheGatewayAndAtTheService() throws Exception {
        for (String base : new String[] {api.base() + "/api", stack.serviceUrl("comments")}) {
            for (int size : new int[] {LIMIT + 1, 6 * 1024 * 1024}) {
                for (boolean chunked : new boolean[] {false, true}) {
                    for (int attempt = 1; attempt <= TRIES; attempt++) {
                        String what = base + ", " + size + " bytes, chunked " + chunked + ", try " + attempt;
                        HttpResponse<String> response = upload(base, size, chunked);

                        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(413);
                        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                        assertThat(JSON.readTree(response.body()).path("detail").asString()).as(what).contains("4 MB");
                    }
                }
            }
        }
    }

    /** A national body's CSV to a comment period that does not exist; an IOException here is a reset connection. */
    private static HttpResponse<String> upload(String base, int size, boolean chunked) throws Exception {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/comment-periods/no-such-period/comments"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + api.token(nationalBody("FR")))
                .header("Content-Type", "text/csv")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return api.http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Comments of the ISO template, as many as fit under {@code limit} bytes (at most 1,000, the most one submission holds). */
    private static byte[] csvJustUnder(int limit) {
        String header = "MB/NC,Line number,Clause/ Subclause,Paragraph/ Figure/ Table,Type of comment,Comments,Proposed change,"
                + "Observations of the secretariat\r\n";
        StringBuilder csv = new StringBuilder(header);
        int rows = 1000;
        int rowSize = (limit - header.length()) / rows;
        for (int row = 1; row <= rows; row++) {
            String start = "FR," + row + ",3.1,,te,";
            String end = ",Say who may issue a report.,\r\n";
            csv.append(start).append("c".repeat(Math.min(10_000, rowSize - start.length() - end.length()))).append(end);
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
