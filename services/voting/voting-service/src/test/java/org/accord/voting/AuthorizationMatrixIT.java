package org.accord.voting;

import static org.accord.testing.AuthorizationMatrix.Caller.EDITOR;
import static org.accord.testing.AuthorizationMatrix.Caller.MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.NON_MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.NO_TOKEN;
import static org.accord.testing.AuthorizationMatrix.Caller.SECRETARIAT;
import static org.accord.testing.AuthorizationMatrix.Caller.WRONG_BODY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.accord.testing.AccordServiceTest;
import org.accord.testing.AuthorizationMatrix;
import org.accord.testing.AuthorizationMatrix.Answer;
import org.accord.testing.AuthorizationMatrix.Parties;
import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.accord.voting.application.BallotService;
import org.accord.voting.application.MemberBodyRegister;
import org.accord.voting.domain.BallotRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of the voting service for every kind of caller. A closed ballot's result is
 * public; an open ballot is shown to editors, the secretariat and the national bodies of the
 * committee's members, and no one else; a national body votes only as its own member body and
 * only where it is in the electorate; each vote is private to its national body and the
 * secretariat until the ballot closes, the history to the secretariat and the editor. KE and DE
 * are P-members of the ballots' electorate, RW is not in it. A member body the register has
 * suspended still reads, but may not vote.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
class AuthorizationMatrixIT {

    static final Parties PARTIES = new Parties("KE", "DE", "RW");
    static final String APPROVE = "{\"position\":\"APPROVE\"}";

    @Autowired
    WebTestClient client;
    @Autowired
    BallotService ballots;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MemberBodyRegister register;

    WebTestClient http;

    @Test
    void shouldAnswerEveryEndpointForEveryCallerAsTheRulesSay() {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        VotingApi api = new VotingApi(http);
        RequestedBallot open = open(RequestedBallot.dis().participating("KE", "DE", "FR", "GB").observing("IT"));
        api.vote(open.ballotId(), "KE", APPROVE).expectStatus().isOk();
        RequestedBallot closed = open(RequestedBallot.dis().proposal(open.proposalId()).participating("KE", "DE")
                .observing("IT").earlyClose());
        api.vote(closed.ballotId(), "KE", APPROVE).expectStatus().isOk();
        // Issue 13: the O-member's vote still counts on a DIS (1/4 condition), so the ballot closes early only once IT voted.
        api.vote(closed.ballotId(), "DE", APPROVE).expectStatus().isOk().expectBody().jsonPath("$.ballotStatus").isEqualTo("OPEN");
        api.vote(closed.ballotId(), "IT", APPROVE).expectStatus().isOk().expectBody().jsonPath("$.ballotStatus").isEqualTo("CLOSED");

        AuthorizationMatrix matrix = AuthorizationMatrix.of("voting", PARTIES);
        matrix.endpoint("GET /ballots/{open}", open::ballotId, (id, caller, token) -> get(token, "/ballots/" + id))
                .expect(200, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY);
        matrix.endpoint("GET /ballots/{closed}", closed::ballotId, (id, caller, token) -> get(token, "/ballots/" + id))
                .expect(200, NO_TOKEN, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        matrix.endpoint("GET /ballots?proposal={p}", open::proposalId, (p, caller, token) -> get(token, "/ballots?proposal=" + p))
                .expect(200, NO_TOKEN, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        matrix.endpoint("GET /ballots/{open}/votes/KE", open::ballotId, (id, caller, token) -> get(token, "/ballots/" + id + "/votes/KE"))
                .expect(200, SECRETARIAT, MEMBER);
        matrix.endpoint("GET /ballots/{closed}/votes/KE", closed::ballotId,
                        (id, caller, token) -> get(token, "/ballots/" + id + "/votes/KE"))
                .expect(200, NO_TOKEN, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        matrix.endpoint("GET /ballots/{open}/history", open::ballotId, (id, caller, token) -> get(token, "/ballots/" + id + "/history"))
                .expect(200, EDITOR, SECRETARIAT);
        matrix.endpoint("GET /ballots/{closed}/history", closed::ballotId,
                        (id, caller, token) -> get(token, "/ballots/" + id + "/history"))
                .expect(200, NO_TOKEN, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        // The member body in the path is the caller's own (KE), except the non-member's (RW); the wrong-body caller holds DE's token.
        matrix.endpoint("PUT /ballots/{open}/votes/{memberBody}",
                        () -> open(RequestedBallot.dis().participating("KE", "DE", "FR").observing("IT")).ballotId(),
                        (id, caller, token) -> vote(token, id, PARTIES.actsFor(caller)))
                .expect(200, MEMBER)
                .state(id -> StoreSnapshot.document(mongo, "ballots/" + id));
        matrix.endpoint("PUT /ballots/{closed}/votes/{memberBody}", closed::ballotId,
                        (id, caller, token) -> vote(token, id, PARTIES.actsFor(caller)))
                .expect(409, MEMBER)
                .state(id -> StoreSnapshot.document(mongo, "ballots/" + id));

        matrix.verify();

        // Beside the matrix's callers, a member body the register has suspended (PT, in no other test): it reads the
        // open ballot as before, but its vote is refused naming the rule, and nothing is written.
        register.apply("PT", standing -> standing.admitted("member", 1)).then(register.apply("PT", standing -> standing.suspended(2)))
                .block();
        String withSuspended = open(RequestedBallot.dis().participating("KE", "PT").observing()).ballotId();
        assertThat(get(TestTokens.nationalBody("PT"), "/ballots/" + withSuspended).status()).isEqualTo(200);
        Object before = StoreSnapshot.document(mongo, "ballots/" + withSuspended);
        assertThat(vote(TestTokens.nationalBody("PT"), withSuspended, "PT")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(StoreSnapshot.document(mongo, "ballots/" + withSuspended)).isEqualTo(before);
    }

    /** Opens the ballot through the application, as the ballot-request consumer does, without waiting on the broker. */
    private RequestedBallot open(RequestedBallot request) {
        var event = request.event();
        ballots.open(new BallotRequest(event.ballotId(), event.proposalId(), event.committeeId(), event.ballotType(),
                event.ruleSet(), event.version(), event.participatingMembers(), event.observingMembers(),
                event.observersMayVote(), event.earlyCloseAllowed(), event.deadline())).block();
        return request;
    }

    private Answer get(String token, String path) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return Answer.of(request.exchange());
    }

    private Answer vote(String token, String ballotId, String memberBody) {
        WebTestClient.RequestBodySpec request = http.put().uri("/ballots/{id}/votes/{mb}", ballotId, memberBody)
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return Answer.of(request.bodyValue(APPROVE).exchange());
    }
}
