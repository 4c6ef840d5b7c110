package org.accord.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.accord.testing.AccordServiceTest;
import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.accord.testing.malformed.MalformedRequests;
import org.accord.voting.application.BallotService;
import org.accord.voting.domain.BallotRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Thousands of malformed requests, generated from the service's own OpenAPI document, against
 * every operation, each with a token that may call it (the voting national body for votes) and
 * valid values everywhere else: none may be a 5xx, every refusal is problem+json, and no vote is
 * stored.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
class MalformedInputIT {

    @LocalServerPort
    int port;
    @Autowired
    BallotService ballots;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRefuseMalformedRequestsToEveryOperationWithProblemsAndStoreNothing() {
        RequestedBallot open = RequestedBallot.np().participating("KE", "DE", "FR").observing("IT");
        var event = open.event();
        ballots.open(new BallotRequest(event.ballotId(), event.proposalId(), event.committeeId(), event.ballotType(),
                event.ruleSet(), event.version(), event.participatingMembers(), event.observingMembers(),
                event.observersMayVote(), event.earlyCloseAllowed(), event.deadline())).block();
        String[] documents = {"ballots/" + open.ballotId()};
        StoreSnapshot before = StoreSnapshot.of(mongo, Set.of(), documents);

        MalformedRequests.Report report = MalformedRequests.against("http://localhost:" + port)
                .seed(20_270_083L)
                .requests(3_000)
                .token(operation -> operation.safe() ? TestTokens.secretariat() : TestTokens.nationalBody("KE"))
                .pathValue("ballotId", open.ballotId())
                .pathValue("memberBody", "KE")
                // An NP ballot, so every field of a vote is in play: a commitment to participate names its expert.
                .validBody("PUT /ballots/{ballotId}/votes/{memberBody}",
                        "{\"position\":\"APPROVE\",\"commitsToParticipate\":true,\"expert\":\"Dr. Wanjiru Kamau\"}")
                .validQuery("GET /ballots", Map.of("proposal", open.proposalId()))
                .run();

        StoreSnapshot after = StoreSnapshot.of(mongo, Set.of(), documents);
        report.assertClean();
        assertThat(after.differencesFrom(before)).as("what the malformed requests stored (seed %d)", report.seed()).isEmpty();
        assertThat(report.sent()).isGreaterThanOrEqualTo(3_000);
        assertThat(report.byOperation()).as("every operation of the document was exercised").containsKeys(
                "GET /ballots", "GET /ballots/{ballotId}", "PUT /ballots/{ballotId}/votes/{memberBody}",
                "GET /ballots/{ballotId}/votes/{memberBody}", "GET /ballots/{ballotId}/history");
    }
}
