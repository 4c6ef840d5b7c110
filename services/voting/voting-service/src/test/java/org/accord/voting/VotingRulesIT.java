package org.accord.voting;

import static org.accord.voting.VotingApi.approve;
import static org.accord.voting.VotingApi.disapprove;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.accord.testing.AccordServiceTest;
import org.accord.testing.TestTokens;
import org.accord.voting.application.BallotService;
import org.accord.voting.domain.BallotRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may vote, what is refused and how, and what anyone may see while a ballot is open and after. */
@AccordServiceTest
@AutoConfigureWebTestClient
// Fails the class if the service ran a query that no index it declares serves on MongoDB.
@org.junit.jupiter.api.extension.ExtendWith(org.accord.testing.StoreQueries.Check.class)
class VotingRulesIT {

    @Autowired
    WebTestClient http;
    @Autowired
    BallotService ballots;
    VotingApi api;

    @BeforeEach
    void client() {
        api = new VotingApi(http);
    }

    /** Opens a ballot through the application, as the ballot-request consumer does, without waiting on the broker. */
    RequestedBallot opened(RequestedBallot request) {
        var event = request.event();
        ballots.open(new BallotRequest(event.ballotId(), event.proposalId(), event.committeeId(), event.ballotType(),
                event.ruleSet(), event.version(), event.participatingMembers(), event.observingMembers(),
                event.observersMayVote(), event.earlyCloseAllowed(), event.deadline())).block();
        return request;
    }

    @Test
    void shouldRefuseADisapprovalWithoutReasonsNamingTheReasonsField() {
        RequestedBallot ballot = opened(RequestedBallot.dis());

        api.vote(ballot.ballotId(), "DE", "{\"position\":\"DISAPPROVE\"}").expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasons")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("technical reasons"));
        api.vote(ballot.ballotId(), "DE", "{\"position\":\"DISAPPROVE\",\"reasons\":\"   \"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasons");
    }

    @Test
    void shouldRefuseAVoteForAnotherMemberBody() {
        RequestedBallot ballot = opened(RequestedBallot.dis());

        api.voteAs(TestTokens.nationalBody("FR"), ballot.ballotId(), "DE", approve()).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("not for DE"));
        api.voteAs(TestTokens.editor(), ballot.ballotId(), "DE", approve()).expectStatus().isForbidden();
        api.voteAs(null, ballot.ballotId(), "DE", approve()).expectStatus().isUnauthorized();
    }

    @Test
    void shouldRefuseAVoteFromAMemberBodyOutsideTheElectorate() {
        RequestedBallot ballot = opened(RequestedBallot.np().participating("DE", "FR").observing("IT"));

        api.vote(ballot.ballotId(), "KE", approve()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("not in the electorate"));
        api.vote(ballot.ballotId(), "IT", approve()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("O-members do not vote on NP"));
    }

    @Test
    void shouldRefuseVotesAfterTheBallotClosed() {
        RequestedBallot ballot = opened(RequestedBallot.dis().participating("DE", "FR").observing().earlyClose());
        api.vote(ballot.ballotId(), "DE", approve()).expectStatus().isOk();
        api.vote(ballot.ballotId(), "FR", approve()).expectStatus().isOk().expectBody().jsonPath("$.ballotStatus").isEqualTo("CLOSED");

        api.vote(ballot.ballotId(), "FR", disapprove("Second thoughts on clause 4")).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(409).jsonPath("$.title").isEqualTo("Ballot closed")
                .jsonPath("$.ballotStatus").isEqualTo("CLOSED");
        api.get(null, "/ballots/{id}/history", ballot.ballotId()).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void shouldRefuseVotesOnceTheDeadlineHasPassedEvenBeforeTheScanClosesTheBallot() {
        RequestedBallot ballot = opened(RequestedBallot.dis().deadline(Instant.now().minusSeconds(1)));

        api.vote(ballot.ballotId(), "DE", approve()).expectStatus().isEqualTo(409);
    }

    @Test
    void shouldKeepOneCurrentVotePerMemberBodyAndEveryChangeInTheHistory() {
        RequestedBallot ballot = opened(RequestedBallot.dis());
        api.vote(ballot.ballotId(), "DE", approve()).expectStatus().isOk();
        api.vote(ballot.ballotId(), "DE", disapprove("Clause 4.1 is not testable")).expectStatus().isOk()
                .expectBody().jsonPath("$.vote.sequence").isEqualTo(2).jsonPath("$.vote.changesEarlierVote").isEqualTo(true);
        // The same vote again (a retried request) records nothing new.
        api.vote(ballot.ballotId(), "DE", disapprove("Clause 4.1 is not testable")).expectStatus().isOk()
                .expectBody().jsonPath("$.vote.sequence").isEqualTo(2);

        api.ballot(ballot.ballotId()).expectStatus().isOk().expectBody()
                .jsonPath("$.returned.participating").isEqualTo(1).jsonPath("$.returned.total").isEqualTo(1);
        api.get(TestTokens.secretariat(), "/ballots/{id}/history", ballot.ballotId()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].position").isEqualTo("APPROVE")
                .jsonPath("$[1].position").isEqualTo("DISAPPROVE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRecordEveryVoteWhenMemberBodiesVoteAtTheSameTime() throws Exception {
        List<String> members = List.of("DE", "FR", "GB", "JP", "CN", "US", "KR", "IN", "BR", "ZA", "KE", "NG");
        RequestedBallot ballot = opened(RequestedBallot.dis().participating(members.toArray(String[]::new)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(members.size());
        try {
            List<java.util.concurrent.Future<Integer>> statuses = pool.invokeAll(members.stream()
                    .map(member -> (java.util.concurrent.Callable<Integer>) () -> api.vote(ballot.ballotId(), member, approve())
                            .returnResult(byte[].class).getStatus().value())
                    .toList());
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        api.get(TestTokens.secretariat(), "/ballots/{id}/history", ballot.ballotId()).expectStatus().isOk().expectBody()
                .jsonPath("$[*].sequence").value(sequences -> assertThat((List<?>) sequences).hasSize(members.size())
                        .doesNotHaveDuplicates())
                .jsonPath("$[*].memberBody").value(voters -> assertThat((List<Object>) voters).hasSameElementsAs(members));
    }

    @Test
    void shouldShowPositionsWhileOpenOnlyToTheVotingBodyAndTheSecretariat() {
        RequestedBallot ballot = opened(RequestedBallot.dis());
        api.vote(ballot.ballotId(), "DE", disapprove("Clause 4.1 is not testable")).expectStatus().isOk();

        api.ballot(ballot.ballotId()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.returned.total").isEqualTo(1)
                .jsonPath("$.votes").doesNotExist()
                .jsonPath("$.tally").doesNotExist()
                .consumeWith(body -> assertThat(new String(body.getResponseBody())).doesNotContain("DISAPPROVE"));
        api.get(null, "/ballots/{id}/history", ballot.ballotId()).expectStatus().isUnauthorized();
        api.get(TestTokens.nationalBody("FR"), "/ballots/{id}/history", ballot.ballotId()).expectStatus().isForbidden();
        api.get(TestTokens.editor(), "/ballots/{id}/history", ballot.ballotId()).expectStatus().isOk();
        api.get(TestTokens.nationalBody("DE"), "/ballots/{id}/votes/{mb}", ballot.ballotId(), "DE").expectStatus().isOk()
                .expectBody().jsonPath("$.position").isEqualTo("DISAPPROVE");
        api.get(TestTokens.nationalBody("FR"), "/ballots/{id}/votes/{mb}", ballot.ballotId(), "DE").expectStatus().isForbidden();
        api.get(null, "/ballots/{id}/votes/{mb}", ballot.ballotId(), "DE").expectStatus().isUnauthorized();
    }

    @Test
    void shouldRefuseMalformedVotesWithA400NamingTheField() {
        RequestedBallot ballot = opened(RequestedBallot.dis());

        api.vote(ballot.ballotId(), "DE", "{\"position\":\"YES\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("position");
        api.vote(ballot.ballotId(), "DE", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("position");
        api.vote(ballot.ballotId(), "DE", "{\"position\":\"APPROVE\",\"commitsToParticipate\":true,\"expert\":\"X\"}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("commitsToParticipate");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListTheBallotsOfAProposalAndAnswer404ForAnUnknownBallot() {
        RequestedBallot first = opened(RequestedBallot.np());
        RequestedBallot second = opened(RequestedBallot.dis().proposal(first.proposalId()));

        api.get(null, "/ballots?proposal={p}", first.proposalId()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        api.get(TestTokens.nationalBody("DE"), "/ballots?proposal={p}", first.proposalId()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[*].ballotId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactlyInAnyOrder(first.ballotId(), second.ballotId()));
        api.get(null, "/ballots").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("proposal"));
        api.ballot("b-nonexistent").expectStatus().isNotFound();
    }
}
