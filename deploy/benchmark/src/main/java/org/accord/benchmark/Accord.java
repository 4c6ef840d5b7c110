package org.accord.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.netty.handler.codec.http.HttpMethod;
import org.accord.http.client.ClientCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps of a standard's life through Accord's public API, as the editor, the secretariat
 * and the national bodies take them with their own tokens: either through the gateway
 * ({@code /api/...}) or straight to each service's port.
 */
public final class Accord {

    public static final String COMMITTEE_SLUG = "ACC-TC-1";
    public static final String COMMITTEE_ID = "ACC/TC 1";
    private static final Duration POLL = Duration.ofMillis(50);

    private final Http http;
    private final ClientCredentials tokens;
    private final String proposals;
    private final String comments;
    private final String voting;
    private final String publication;
    private final String route;

    private Accord(Http http, ClientCredentials tokens, String proposals, String comments, String voting, String publication, String route) {
        this.http = http;
        this.tokens = tokens;
        this.proposals = proposals;
        this.comments = comments;
        this.voting = voting;
        this.publication = publication;
        this.route = route;
    }

    /** Through the gateway's {@code /api} routes: what a user of Accord calls. */
    public static Accord viaGateway(Http http, ClientCredentials tokens, Endpoints endpoints) {
        String api = endpoints.gateway() + "/api";
        return new Accord(http, tokens, api, api, api, api, "gateway");
    }

    /** Straight to each service's own port: the event path without the gateway's hop. */
    public static Accord direct(Http http, ClientCredentials tokens, Endpoints endpoints) {
        return new Accord(http, tokens, endpoints.proposals(), endpoints.comments(), endpoints.voting(), endpoints.publication(),
                "direct");
    }

    public String route() {
        return route;
    }

    public Http http() {
        return http;
    }

    public ClientCredentials tokens() {
        return tokens;
    }

    public String commentsBase() {
        return comments;
    }

    public String proposalsBase() {
        return proposals;
    }

    public String votingBase() {
        return voting;
    }

    public String publicationBase() {
        return publication;
    }

    // ------------------------------------------------------------------ committees

    public JsonNode committee() {
        return http.get(proposals + "/committees/" + COMMITTEE_SLUG, Map.of("Accept", "application/json")).requireOk().json();
    }

    public List<String> memberBodyCodes() {
        List<String> codes = new ArrayList<>();
        for (JsonNode body : http.get(proposals + "/member-bodies", Map.of("Accept", "application/json")).requireOk().json()) {
            codes.add(body.path("code").asString());
        }
        return codes;
    }

    public void addMember(String code, String status) {
        ObjectNode body = Json.object().put("status", status);
        send(HttpMethod.PUT, proposals + "/committees/" + COMMITTEE_SLUG + "/members/" + code, tokens.secretariat(), body).requireOk();
    }

    // ------------------------------------------------------------------ proposals

    /** A new draft of the reference text at 10.00; the answer is the proposal view (id, projectNumber, clauses). */
    public JsonNode submit(String title) {
        ObjectNode body = Json.object().put("committee", COMMITTEE_ID).put("title", title)
                .put("scope", "Benchmark proposal: the content and structure of evaluation reports for machine-learning models.")
                .put("text", draftText());
        return send(HttpMethod.POST, proposals + "/proposals", tokens.editor(), body).requireOk().json();
    }

    public JsonNode proposal(String id) {
        return getProposal(id).requireOk().json();
    }

    public Http.Response getProposal(String id) {
        return http.get(proposals + "/proposals/" + id, headers(tokens.editor()));
    }

    public JsonNode openCommentPeriod(String id, Instant deadline) {
        return send(HttpMethod.POST, proposals + "/proposals/" + id + "/comment-periods", tokens.editor(),
                Json.object().put("deadline", deadline.toString())).requireOk().json();
    }

    public void closeCommentPeriod(String id, String periodId) {
        send(HttpMethod.POST, proposals + "/proposals/" + id + "/comment-periods/" + periodId + "/close", tokens.editor(), null)
                .requireOk();
    }

    public JsonNode requestDisBallot(String id, Instant deadline) {
        ObjectNode body = Json.object().put("type", "DIS").put("deadline", deadline.toString()).put("earlyCloseAllowed", true);
        return send(HttpMethod.POST, proposals + "/proposals/" + id + "/ballots", tokens.editor(), body).requireOk().json();
    }

    public Http.Response skipFinalBallot(String id) {
        return send(HttpMethod.POST, proposals + "/proposals/" + id + "/skip-final-ballot", tokens.editor(), null);
    }

    /** Polls the proposal until its stage is one of {@code stages}; the answer that showed it. */
    public Http.Response awaitStage(String id, Set<String> stages, Duration timeout, Duration interval) {
        return awaitProposal(id, p -> stages.contains(p.path("stage").asString()), timeout, interval,
                "stage " + stages);
    }

    public Http.Response awaitProposal(String id, Predicate<JsonNode> condition, Duration timeout, Duration interval, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            Http.Response response = getProposal(id);
            if (response.ok()) {
                JsonNode view = response.json();
                if (condition.test(view)) {
                    return response;
                }
                last = "stage " + view.path("stage").asString();
            } else {
                last = "status " + response.status();
            }
            sleep(interval);
        }
        throw new IllegalStateException("Proposal " + id + " did not reach " + what + " within " + timeout.toSeconds()
                + " s (last seen: " + last + ")");
    }

    // ------------------------------------------------------------------ comment periods

    /** Waits until the comments service has opened the period and knows its clauses. */
    public JsonNode awaitCommentPeriod(String periodId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get(comments + "/comment-periods/" + periodId, headers(tokens.editor()));
            if (response.ok()) {
                JsonNode period = response.json();
                if (period.path("status").asString().equals("OPEN") && period.path("clauses").size() > 0) {
                    return period;
                }
                last = period.path("status").asString();
            } else {
                last = "status " + response.status();
            }
            sleep(POLL);
        }
        throw new IllegalStateException("Comment period " + periodId + " was not open within " + timeout.toSeconds()
                + " s (last seen: " + last + ")");
    }

    public JsonNode commentPeriod(String periodId) {
        return http.get(comments + "/comment-periods/" + periodId, headers(tokens.editor())).requireOk().json();
    }

    /** Waits until the period is closed and answers it with its counts. */
    public JsonNode awaitClosedPeriod(String periodId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode period = commentPeriod(periodId);
            if (period.path("status").asString().equals("CLOSED")) {
                return period;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Comment period " + periodId + " did not close within " + timeout.toSeconds() + " s");
    }

    public Http.Request batchOfComments(String periodId, String memberBody, byte[] jsonArray) {
        return new Http.Request(HttpMethod.POST, comments + "/comment-periods/" + periodId + "/comments/batch",
                jsonHeaders(tokens.nationalBody(memberBody)), jsonArray);
    }

    public Http.Request oneComment(String periodId, String memberBody, byte[] json) {
        return new Http.Request(HttpMethod.POST, comments + "/comment-periods/" + periodId + "/comments",
                jsonHeaders(tokens.nationalBody(memberBody)), json);
    }

    // ------------------------------------------------------------------ ballots

    /** Waits until the voting service has opened the proposal's ballot; answers its id. */
    public String awaitOpenBallot(String proposalId, String ballotId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            // An open ballot is shown to the committee, the editor and the secretariat only.
            Http.Response response = http.get(voting + "/ballots/" + ballotId, headers(tokens.editor()));
            if (response.ok()) {
                String status = response.json().path("status").asString();
                if (status.equals("OPEN")) {
                    return ballotId;
                }
                last = status;
            } else {
                last = "status " + response.status();
            }
            sleep(POLL);
        }
        throw new IllegalStateException("Ballot " + ballotId + " of proposal " + proposalId + " was not open within "
                + timeout.toSeconds() + " s (last seen: " + last + ")");
    }

    public Http.Response vote(String ballotId, String memberBody, String position) {
        return send(HttpMethod.PUT, voting + "/ballots/" + ballotId + "/votes/" + memberBody, tokens.nationalBody(memberBody),
                Json.object().put("position", position));
    }

    // ------------------------------------------------------------------ helpers

    private Http.Response send(HttpMethod method, String url, String token, JsonNode body) {
        return http.send(method, url, body == null ? headers(token) : jsonHeaders(token), body == null ? null : Json.write(body));
    }

    static Map<String, String> headers(String token) {
        Map<String, String> headers = new HashMap<>(ClientCredentials.bearer(token));
        headers.put("Accept", "application/json");
        return headers;
    }

    static Map<String, String> jsonHeaders(String token) {
        Map<String, String> headers = headers(token);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static volatile String draft;

    /** The reference working draft of ACC/TC 1, the text every benchmark proposal carries. */
    static String draftText() {
        if (draft == null) {
            try (InputStream in = Accord.class.getResourceAsStream("/draft.md")) {
                draft = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return draft;
    }

    /** The clause numbers of a proposal view, to comment on. */
    public static List<String> clauses(JsonNode view) {
        List<String> clauses = new ArrayList<>();
        for (JsonNode clause : view.path("clauses")) {
            clauses.add(clause.path("number").asString());
        }
        return clauses;
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
