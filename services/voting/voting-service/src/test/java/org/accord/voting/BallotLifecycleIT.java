package org.accord.voting;

import static org.accord.voting.VotingApi.approve;
import static org.accord.voting.VotingApi.disapprove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.accord.events.AccordJson;
import org.accord.events.CloudEvent;
import org.accord.events.Topics;
import org.accord.messaging.AggregateStore;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.ProposalWithdrawn;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.TopicProbe;
import org.accord.voting.domain.Ballot;
import org.accord.voting.domain.BallotRequest;
import org.accord.voting.events.BallotClosed;
import org.accord.voting.events.BallotEvents;
import org.accord.voting.events.BallotOpened;
import org.accord.voting.events.RuleCheck;
import org.accord.voting.events.VoteCast;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A ballot's life on the real broker and store: the proposals service's request opens it,
 * national bodies vote through the API with real tokens, and it closes by the deadline scan or
 * early, publishing the result.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
// Fails the class if the service ran a query that no index it declares serves on MongoDB.
@org.junit.jupiter.api.extension.ExtendWith(org.accord.testing.StoreQueries.Check.class)
class BallotLifecycleIT {

    @Autowired
    WebTestClient http;
    @Autowired
    AggregateStore<Ballot> ballots;
    @Autowired
    org.accord.messaging.Deadlines deadlines;
    VotingApi api;

    @BeforeEach
    void consumerListening() {
        api = new VotingApi(http);
        api.awaitConsumerListening();
    }

    @Test
    void shouldOpenFromTheRequestTakeVotesAndCloseAtTheDeadlineWithTheOutcomeOnTheTopic() {
        RequestedBallot request = RequestedBallot.dis().participating("DE", "FR", "GB", "JP").observing("IT")
                .deadline(Instant.now().plusSeconds(3));
        try (TopicProbe ballotsTopic = TopicProbe.on(BallotEvents.CLOSED.topic())) {
            ProposalsTopic.publish(request.event());
            api.awaitOpen(request.ballotId(), Duration.ofSeconds(2));

            // P-members: 2 of 3 approve (exactly 2/3); all: 1 of 4 disapprove (exactly 1/4); abstentions not counted.
            api.vote(request.ballotId(), "DE", approve()).expectStatus().isOk();
            api.vote(request.ballotId(), "FR", "{\"position\":\"APPROVE_WITH_COMMENTS\"}").expectStatus().isOk();
            api.vote(request.ballotId(), "GB", disapprove("Clause 4.1 cannot be verified")).expectStatus().isOk();
            api.vote(request.ballotId(), "IT", approve()).expectStatus().isOk();
            api.vote(request.ballotId(), "JP", "{\"position\":\"ABSTAIN\"}").expectStatus().isOk()
                    .expectBody().jsonPath("$.ballotStatus").isEqualTo("OPEN").jsonPath("$.vote.sequence").isEqualTo(5);

            api.ballot(request.ballotId()).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("OPEN")
                    .jsonPath("$.returned.participating").isEqualTo(4)
                    .jsonPath("$.returned.observing").isEqualTo(1)
                    .jsonPath("$.outcome").doesNotExist()
                    .jsonPath("$.tally").doesNotExist()
                    .jsonPath("$.votes").doesNotExist();

            BallotOpened opened = payload(ballotsTopic.awaitEvent(BallotEvents.OPENED.name(), request.proposalId(),
                    Duration.ofSeconds(10)), BallotOpened.class);
            assertThat(opened.ballotId()).isEqualTo(request.ballotId());
            assertThat(opened.participatingMembers()).containsExactly("DE", "FR", "GB", "JP");
            assertThat(opened.observersMayVote()).isTrue();

            BallotClosed closed = payload(ballotsTopic.awaitEvent(BallotEvents.CLOSED.name(), request.proposalId(),
                    Duration.ofSeconds(20)), BallotClosed.class);
            assertThat(closed.ballotId()).isEqualTo(request.ballotId());
            assertThat(closed.outcome()).isEqualTo("APPROVED");
            assertThat(closed.closedBecause()).isEqualTo("DEADLINE");
            assertThat(closed.closedAt()).isAfterOrEqualTo(request.deadline().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(closed.tally()).isEqualTo(new org.accord.voting.events.Tally(4, 1, 2, 1, 1, 1, 0, 0, 0, 0, 0));
            assertThat(closed.checks()).extracting(RuleCheck::met).containsExactly(true, true);
            assertThat(closed.checks()).extracting(RuleCheck::numbers)
                    .containsExactly("2 of 3 (66.7%) >= 2/3", "1 of 4 (25.0%) <= 1/4");
            assertThat(closed.explanation()).startsWith("Approved: 2 of 3 (66.7%) P-member votes approve");

            List<VoteCast> votes = ballotsTopic.collect(r -> BallotEvents.VOTE_CAST.name().equals(TopicProbe.header(r, "ce_type"))
                            && request.proposalId().equals(r.key()), Duration.ofMillis(500))
                    .stream().map(r -> payload(r, VoteCast.class)).toList();
            assertThat(votes).extracting(VoteCast::sequence).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            assertThat(votes).filteredOn(v -> v.memberBody().equals("GB")).singleElement()
                    .satisfies(v -> assertThat(v.reasons()).isEqualTo("Clause 4.1 cannot be verified"));
        }

        api.ballot(request.ballotId()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.outcome").isEqualTo("APPROVED")
                .jsonPath("$.tally.participatingApprove").isEqualTo(2)
                .jsonPath("$.checks.length()").isEqualTo(2)
                .jsonPath("$.votes.length()").isEqualTo(5)
                .jsonPath("$.explanation").value(e -> assertThat((String) e).contains("at least 2/3"));
    }

    @Test
    void shouldCloseEarlyWhenEveryPMemberHasVotedAndCountTheCommitmentsOfANewWorkItem() {
        RequestedBallot request = RequestedBallot.np().participating("DE", "FR", "GB", "JP").observing("IT").earlyClose();
        try (TopicProbe ballotsTopic = TopicProbe.on(BallotEvents.CLOSED.topic())) {
            ProposalsTopic.publish(request.event());
            api.awaitOpen(request.ballotId(), Duration.ofSeconds(20));

            for (String member : List.of("DE", "FR", "GB")) {
                api.vote(request.ballotId(), member, "{\"position\":\"APPROVE\",\"commitsToParticipate\":true,\"expert\":\"Expert of "
                        + member + "\"}").expectStatus().isOk().expectBody().jsonPath("$.ballotStatus").isEqualTo("OPEN");
            }
            api.vote(request.ballotId(), "JP", "{\"position\":\"APPROVE_WITH_COMMENTS\",\"commitsToParticipate\":true,"
                    + "\"expert\":\"Dr. Sato\"}").expectStatus().isOk().expectBody().jsonPath("$.ballotStatus").isEqualTo("CLOSED");

            BallotClosed closed = payload(ballotsTopic.awaitEvent(BallotEvents.CLOSED.name(), request.proposalId(),
                    Duration.ofSeconds(20)), BallotClosed.class);
            assertThat(closed.closedBecause()).isEqualTo("ALL_VOTED");
            assertThat(closed.outcome()).isEqualTo("APPROVED");
            assertThat(closed.ruleSet()).isEqualTo("ISO_NEW_WORK_ITEM");
            assertThat(closed.tally().commitmentsToParticipate()).isEqualTo(4);
            assertThat(closed.tally().eligibleObserving()).isZero();
            assertThat(closed.closedAt()).isBefore(request.deadline());
        }
    }

    @Test
    void shouldOpenOneBallotWhenTheRequestIsRedeliveredOrRepeated() {
        RequestedBallot request = RequestedBallot.dis();
        CloudEvent first = ProposalsTopic.publish(request.event());
        ProposalsTopic.publish(first);
        // The same ballot asked for again under a new event id, with another deadline: still the first ballot.
        ProposalsTopic.publish(request.deadline(request.deadline().plusSeconds(3600)).event());
        // Same key, so same partition: once this one is open, the three before it have been handled.
        RequestedBallot marker = RequestedBallot.dis().proposal(request.proposalId());
        ProposalsTopic.publish(marker.event());
        api.awaitOpen(marker.ballotId(), Duration.ofSeconds(30));

        BallotRequested firstRequest = AccordJson.read(first.data(), BallotRequested.class);
        api.ballot(request.ballotId()).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.deadline").value(d -> assertThat(Instant.parse((String) d))
                        .isEqualTo(firstRequest.deadline().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        try (TopicProbe ballotsTopic = TopicProbe.on(BallotEvents.OPENED.topic())) {
            ballotsTopic.awaitEvent(BallotEvents.OPENED.name(), request.proposalId(), Duration.ofSeconds(10));
            List<ConsumerRecord<String, byte[]>> opened = ballotsTopic.collect(r -> BallotEvents.OPENED.name()
                    .equals(TopicProbe.header(r, "ce_type")) && request.proposalId().equals(r.key()), Duration.ofSeconds(2));
            assertThat(opened).extracting(r -> payload(r, BallotOpened.class).ballotId())
                    .containsExactlyInAnyOrder(request.ballotId(), marker.ballotId());
        }
    }

    @Test
    void shouldCloseABallotWhoseDeadlinePassedWhileTheServiceWasDown() {
        // Stored as an open ballot whose deadline passed, behind the back of the running schedule: only a restart finds it.
        RequestedBallot request = RequestedBallot.dis();
        Instant past = Instant.now().minusSeconds(600);
        Ballot overdue = Ballot.open(new BallotRequest(request.ballotId(), request.proposalId(), "ACC/TC 1", "DIS",
                "ISO_ENQUIRY_APPROVAL", 2, List.of("DE", "FR"), List.of(), true, false, past), past.minusSeconds(3600)).ballot();
        ballots.create(request.ballotId(), overdue, List.of()).block();
        assertThat(deadlines.dueOf(request.ballotId())).isNull();
        deadlines.stop();
        deadlines.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api.ballot(request.ballotId()).expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.closedBecause").isEqualTo("DEADLINE")
                .jsonPath("$.outcome").isEqualTo("REJECTED")
                .jsonPath("$.explanation").value(e -> assertThat((String) e).contains("no P-member approved or disapproved")));
    }

    @Test
    void shouldEndARunningBallotWithoutAResultWhenItsProjectIsWithdrawnAndRefuseLaterVotes() {
        RequestedBallot request = RequestedBallot.dis().participating("DE", "FR", "GB").observing("IT");
        try (TopicProbe ballotsTopic = TopicProbe.on(BallotEvents.CLOSED.topic())) {
            ProposalsTopic.publish(request.event());
            api.awaitOpen(request.ballotId(), Duration.ofSeconds(20));
            api.vote(request.ballotId(), "DE", approve()).expectStatus().isOk();

            CloudEvent withdrawal = ProposalsTopic.publish(new ProposalWithdrawn(request.proposalId(), "40.20", "Abandoned",
                    "secretariat", Instant.now()));
            BallotClosed closed = payload(ballotsTopic.awaitEvent(BallotEvents.CLOSED.name(), request.proposalId(),
                    Duration.ofSeconds(20)), BallotClosed.class);
            assertThat(closed.outcome()).isEqualTo("WITHDRAWN");
            assertThat(closed.closedBecause()).isEqualTo("WITHDRAWN");
            assertThat(closed.checks()).isEmpty();
            assertThat(closed.versionSha256()).isEqualTo(RequestedBallot.VERSION_SHA256);

            api.vote(request.ballotId(), "FR", approve()).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.title").isEqualTo("Ballot withdrawn")
                    .jsonPath("$.outcome").isEqualTo("WITHDRAWN").jsonPath("$.ballotStatus").isEqualTo("CLOSED");
            ProposalsTopic.publish(withdrawal);
            api.get(null, "/ballots/{id}", request.ballotId()).expectStatus().isOk()
                    .expectBody().jsonPath("$.outcome").isEqualTo("WITHDRAWN").jsonPath("$.closedBecause").isEqualTo("WITHDRAWN");
        }
    }

    @Test
    void shouldDeadLetterARequestNamingAnUnknownRuleSetWithoutRetrying() {
        var request = RequestedBallot.dis().event();
        var unknown = new BallotRequested(request.proposalId(), request.ballotId(), request.committeeId(), "DIS",
                "ANSI_CANVASS", request.version(), request.clauses(), request.participatingMembers(),
                request.observingMembers(), true, false, request.deadline(), "editor", Instant.now(), request.versionSha256());
        ProposalsTopic.publish(unknown);

        try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.PROPOSALS, "voting"))) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> request.proposalId().equals(r.key()), Duration.ofSeconds(20));
            StringBuilder reason = new StringBuilder();
            dead.headers().forEach(h -> {
                if (h.key().contains("exception-message")) {
                    reason.append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            assertThat(reason).contains("ruleSet").contains("ANSI_CANVASS");
        }
        api.ballot(request.ballotId()).expectStatus().isNotFound();
    }

    static <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return AccordJson.read(record.value(), type);
    }
}
