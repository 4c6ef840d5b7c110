package org.accord.voting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.accord.events.CloudEvent;
import org.accord.proposals.events.MemberBodyAdmitted;
import org.accord.proposals.events.MemberBodyCategoryChanged;
import org.accord.proposals.events.MemberBodyReinstated;
import org.accord.proposals.events.MemberBodyResigned;
import org.accord.proposals.events.MemberBodySuspended;
import org.accord.proposals.events.ProposalEvents;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may vote follows the proposals service's member-body register, on the real broker and
 * store: a suspended body reads but does not vote until it is reinstated, a resigned one never
 * votes again yet its earlier vote counts and it stays in the result, a correspondent does not
 * vote, and a late or redelivered change (an older revision) changes nothing. The bodies here
 * (LU, MT, IS, LI, MC, CY, EE) are used by no other test of the shared store.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
@org.junit.jupiter.api.extension.ExtendWith(org.accord.testing.StoreQueries.Check.class)
class MemberBodyStandingIT {

    /** A disapproval without reasons: 422 for a body that may vote, so polling with it records nothing. */
    private static final String PROBE = "{\"position\":\"DISAPPROVE\"}";

    @Autowired
    WebTestClient http;
    VotingApi api;

    @BeforeEach
    void consumerListening() {
        api = new VotingApi(http);
        api.awaitConsumerListening();
    }

    @Test
    void shouldRefuseVotesOfASuspendedBodyUntilItIsReinstatedKeepItsReadsAndIgnoreARedeliveredSuspension() {
        RequestedBallot ballot = open(RequestedBallot.dis().participating("LU", "MT").observing());
        ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_ADMITTED, "LU", new MemberBodyAdmitted("LU", "ILNAS",
                "Institut luxembourgeois de la normalisation", "member", 1, "secretariat", Instant.now()));
        CloudEvent suspension = ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_SUSPENDED, "LU",
                new MemberBodySuspended("LU", "fees unpaid", 2, "secretariat", Instant.now()));

        awaitRefused(ballot, "LU", "Member body suspended");
        api.vote(ballot.ballotId(), "LU", VotingApi.approve()).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.get(TestTokens.nationalBody("LU"), "/ballots/{id}", ballot.ballotId()).expectStatus().isOk();
        api.vote(ballot.ballotId(), "MT", VotingApi.approve()).expectStatus().isOk();

        ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_REINSTATED, "LU",
                new MemberBodyReinstated("LU", 3, "secretariat", Instant.now()));
        awaitMayVote(ballot, "LU");
        api.vote(ballot.ballotId(), "LU", VotingApi.approve()).expectStatus().isOk();

        ProposalsTopic.republish(ProposalEvents.MEMBER_BODY_SUSPENDED, suspension);
        // The redelivered suspension (revision 2) is older than the reinstatement kept (3): LU still votes.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.vote(ballot.ballotId(), "LU", PROBE).expectStatus().isEqualTo(422));

        // Suspended again: its vote so far stays counted, but it cannot change it.
        ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_SUSPENDED, "LU",
                new MemberBodySuspended("LU", "fees unpaid again", 4, "secretariat", Instant.now()));
        awaitRefused(ballot, "LU", "Member body suspended");
        api.vote(ballot.ballotId(), "LU", VotingApi.disapprove("Clause 4.1 is unsafe")).expectStatus().isForbidden();
        api.ballot(ballot.ballotId()).expectStatus().isOk().expectBody()
                .jsonPath("$.returned.participating").isEqualTo(2);
        api.get(TestTokens.nationalBody("LU"), "/ballots/{id}/votes/LU", ballot.ballotId()).expectStatus().isOk()
                .expectBody().jsonPath("$.position").isEqualTo("APPROVE");
    }

    @Test
    void shouldRefuseAResignedBodyKeepItsEarlierVoteAndCloseEarlyOnceOnlyResignedMembersAreLeft() {
        RequestedBallot ballot = open(RequestedBallot.dis().participating("IS", "LI", "MC").observing().earlyClose());
        api.vote(ballot.ballotId(), "IS", VotingApi.approve()).expectStatus().isOk();
        for (String code : new String[] {"IS", "MC"}) {
            ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_ADMITTED, code, new MemberBodyAdmitted(code, code + " body",
                    code + " body", "member", 1, "secretariat", Instant.now()));
            ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_RESIGNED, code, new MemberBodyResigned(code, "left the organization",
                    2, "secretariat", Instant.now()));
        }
        awaitRefused(ballot, "IS", "Member body resigned");
        awaitRefused(ballot, "MC", "Member body resigned");

        // MC disapproving would be 1 of 3 negative (over 1/4); it has resigned and never will: LI's approval settles it.
        api.vote(ballot.ballotId(), "LI", VotingApi.approve()).expectStatus().isOk()
                .expectBody().jsonPath("$.ballotStatus").isEqualTo("CLOSED");
        api.get(null, "/ballots/{id}", ballot.ballotId()).expectStatus().isOk().expectBody()
                .jsonPath("$.outcome").isEqualTo("APPROVED")
                .jsonPath("$.closedBecause").isEqualTo("OUTCOME_SETTLED")
                .jsonPath("$.electorate.participating.length()").isEqualTo(3)
                .jsonPath("$.tally.notVoted").isEqualTo(1)
                .jsonPath("$.votes[?(@.memberBody == 'IS')].position").isEqualTo("APPROVE");
    }

    @Test
    void shouldRefuseACorrespondentUntilItBecomesAMember() {
        RequestedBallot ballot = open(RequestedBallot.dis().participating("EE").observing("CY"));
        ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_ADMITTED, "CY", new MemberBodyAdmitted("CY", "CYS", "ΚΟΤ",
                "correspondent", 1, "secretariat", Instant.now()));

        awaitRefused(ballot, "CY", "Only members vote");
        api.vote(ballot.ballotId(), "CY", VotingApi.approve()).expectStatus().isForbidden();

        ProposalsTopic.publish(ProposalEvents.MEMBER_BODY_CATEGORY_CHANGED, "CY", new MemberBodyCategoryChanged("CY", "member",
                "correspondent", 2, "secretariat", Instant.now()));
        awaitMayVote(ballot, "CY");
        api.vote(ballot.ballotId(), "CY", VotingApi.approve()).expectStatus().isOk();
    }

    private RequestedBallot open(RequestedBallot ballot) {
        ProposalsTopic.publish(ballot.event());
        api.awaitOpen(ballot.ballotId(), Duration.ofSeconds(30));
        return ballot;
    }

    private void awaitRefused(RequestedBallot ballot, String memberBody, String rule) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                api.vote(ballot.ballotId(), memberBody, PROBE).expectStatus().isForbidden()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.rule").isEqualTo(rule).jsonPath("$.memberBody").isEqualTo(memberBody));
    }

    private void awaitMayVote(RequestedBallot ballot, String memberBody) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                api.vote(ballot.ballotId(), memberBody, PROBE).expectStatus().isEqualTo(422));
    }
}
