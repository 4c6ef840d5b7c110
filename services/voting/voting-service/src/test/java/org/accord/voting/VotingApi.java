package org.accord.voting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.accord.testing.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The voting API as national bodies and observers call it, with real signed tokens. */
final class VotingApi {

    private static volatile boolean listening;

    private final WebTestClient http;

    VotingApi(WebTestClient http) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    WebTestClient.ResponseSpec vote(String ballotId, String memberBody, String json) {
        return voteAs(TestTokens.nationalBody(memberBody), ballotId, memberBody, json);
    }

    WebTestClient.ResponseSpec voteAs(String token, String ballotId, String memberBody, String json) {
        WebTestClient.RequestBodySpec put = http.put().uri("/ballots/{id}/votes/{mb}", ballotId, memberBody)
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            put.headers(h -> h.setBearerAuth(token));
        }
        return put.bodyValue(json).exchange();
    }

    /** The ballot as the secretariat sees it (an open ballot is shown only to the committee, editors and the secretariat). */
    WebTestClient.ResponseSpec ballot(String ballotId) {
        return get(TestTokens.secretariat(), "/ballots/{id}", ballotId);
    }

    WebTestClient.ResponseSpec get(String token, String uri, Object... variables) {
        WebTestClient.RequestHeadersSpec<?> get = http.get().uri(uri, variables);
        if (token != null) {
            get.headers(h -> h.setBearerAuth(token));
        }
        return get.exchange();
    }

    boolean exists(String ballotId) {
        return ballot(ballotId).returnResult(byte[].class).getStatus().value() == 200;
    }

    void awaitOpen(String ballotId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> exists(ballotId));
    }

    /**
     * The first ballot request of a fresh context waits for the consumer to join its group; later
     * ones open within milliseconds, which the deadline tests rely on.
     */
    void awaitConsumerListening() {
        if (listening) {
            return;
        }
        RequestedBallot warmUp = RequestedBallot.dis();
        ProposalsTopic.publish(warmUp.event());
        awaitOpen(warmUp.ballotId(), Duration.ofSeconds(90));
        listening = true;
    }

    static String approve() {
        return "{\"position\":\"APPROVE\"}";
    }

    static String disapprove(String reasons) {
        return "{\"position\":\"DISAPPROVE\",\"reasons\":\"" + reasons + "\"}";
    }
}
