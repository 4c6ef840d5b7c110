package org.accord.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.messaging.AccordMessagingAutoConfiguration.OutboxProducer;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.EventMetrics;
import org.accord.messaging.OutboxRelay;
import org.accord.proposals.events.ProposalWithdrawn;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.ExaminedDocuments;
import org.accord.testing.StoreQueries;
import org.accord.testing.TestTokens;
import org.accord.voting.domain.Ballot;
import org.accord.voting.domain.BallotRequest;
import org.accord.voting.persistence.BallotStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A proposal's ballots are read from the slots they are kept under, not by a filter on the
 * proposal: among thousands of other ballots, listing a proposal's three and withdrawing them
 * examine those three (the test store counts what each query examines), and ballots stored before
 * slots existed get theirs when instances start, two at once.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
// Fails the class if the service ran a query that no index it declares serves on MongoDB.
@org.junit.jupiter.api.extension.ExtendWith(StoreQueries.Check.class)
class BallotsByProposalIT {

    private static final int OTHER_BALLOTS = 2_500;

    @Autowired
    WebTestClient http;
    @Autowired
    AggregateStore<Ballot> ballots;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OutboxProducer producer;
    @Value("${spring.mongodb.database}")
    String database;
    VotingApi api;

    @BeforeEach
    void consumerListening() {
        api = new VotingApi(http);
        api.awaitConsumerListening();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListAndWithdrawAProposalsBallotsOldestFirstExaminingOnlyThemAmongThousandsOfOthers() {
        String proposal = "p-" + UUID.randomUUID();
        Instant now = Instant.now();
        // Created in another order than they opened: the listing orders by openedAt, not by slot.
        Ballot second = open(proposal, now.minusSeconds(120));
        Ballot third = open(proposal, now.minusSeconds(60));
        Ballot first = open(proposal, now.minusSeconds(180));
        for (Ballot ballot : List.of(second, third, first)) {
            ballots.create(ballot.ballotId(), ballot, List.of()).block();
        }
        storeOtherBallots(OTHER_BALLOTS);
        assertThat(mongo.count(new Query(), BallotStore.COLLECTION).block()).isGreaterThan(OTHER_BALLOTS);

        long before = ExaminedDocuments.in(database, BallotStore.COLLECTION);
        api.get(TestTokens.secretariat(), "/ballots?proposal={p}", proposal).expectStatus().isOk().expectBody()
                .jsonPath("$[*].ballotId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly(first.ballotId(), second.ballotId(), third.ballotId()))
                .jsonPath("$[*].status").value(s -> assertThat((List<Object>) s).containsOnly("OPEN"));
        long listing = ExaminedDocuments.in(database, BallotStore.COLLECTION) - before;

        before = ExaminedDocuments.in(database, BallotStore.COLLECTION);
        ProposalsTopic.publish(new ProposalWithdrawn(proposal, "40.20", "Abandoned", "secretariat", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                List.of(first, second, third).stream().allMatch(b -> ballots.find(b.ballotId()).block().state().closed()));
        long withdrawal = ExaminedDocuments.in(database, BallotStore.COLLECTION) - before;

        System.out.printf("Listing a proposal's 3 ballots examined %d ballot documents, withdrawing them %d (%d stored)%n",
                listing, withdrawal, mongo.count(new Query(), BallotStore.COLLECTION).block());
        assertThat(listing).as("ballot documents examined by the listing").isLessThanOrEqualTo(3);
        // Three version-guarded writes, their outbox drains and the lookups by _id around them.
        assertThat(withdrawal).as("ballot documents examined by the withdrawal").isLessThanOrEqualTo(40);

        Map<StoreQueries.Shape, Optional<String>> queries = StoreQueries.served(database);
        // The one-off backfill at start reads documents without a slot by their parent; nothing else names the proposal.
        assertThat(queries.keySet()).filteredOn(q -> q.collection().equals(BallotStore.COLLECTION))
                .filteredOn(q -> !q.command().contains("one-off migration"))
                .noneMatch(q -> q.filter().contains("state.proposalId"))
                .anyMatch(q -> q.command().equals("find") && q.filter().equals(List.of("slot")));
        assertThat(mongo.indexOps(BallotStore.COLLECTION).getIndexInfo().collectList().block())
                .noneMatch(index -> index.getName().equals("proposal"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveBallotsStoredBeforeSlotsTheirSlotWhenTwoInstancesStartAtOnce() {
        String proposal = "p-" + UUID.randomUUID();
        Ballot older = open(proposal, Instant.now().minusSeconds(600));
        Ballot newer = open(proposal, Instant.now().minusSeconds(300));
        mongo.insert(List.of(formerDocument(older), formerDocument(newer)), BallotStore.COLLECTION).blockLast();
        api.get(TestTokens.secretariat(), "/ballots?proposal={p}", proposal).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);

        // The backfill ran when this context started; a new version's first start runs it again.
        mongo.remove(Query.query(Criteria.where("_id").is("parent-slots:" + BallotStore.COLLECTION)), "store_migrations").block();
        List<OutboxRelay> instances = List.of(instance(), instance());
        try {
            instances.forEach(OutboxRelay::start);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> mongo.exists(
                    Query.query(Criteria.where("_id").is("parent-slots:" + BallotStore.COLLECTION)), "store_migrations").block());
        } finally {
            instances.forEach(OutboxRelay::stop);
        }

        List<String> slots = List.of(older, newer).stream()
                .map(b -> mongo.findById(b.ballotId(), Document.class, BallotStore.COLLECTION).block().getString("slot")).toList();
        assertThat(slots).doesNotContainNull().doesNotHaveDuplicates().allMatch(slot -> slot.startsWith(proposal + "#"));
        api.get(TestTokens.secretariat(), "/ballots?proposal={p}", proposal).expectStatus().isOk().expectBody()
                .jsonPath("$[*].ballotId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly(older.ballotId(), newer.ballotId()));

        // A ballot opened after the backfill takes the next free slot of the proposal.
        Ballot latest = open(proposal, Instant.now());
        ballots.create(latest.ballotId(), latest, List.of()).block();
        api.get(TestTokens.secretariat(), "/ballots?proposal={p}", proposal).expectStatus().isOk().expectBody()
                .jsonPath("$[*].ballotId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly(older.ballotId(), newer.ballotId(), latest.ballotId()));
    }

    /** Another instance of the service on the same store: its relay runs the start-up migrations. */
    private OutboxRelay instance() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(mongo, producer.template(), Duration.ofSeconds(30), new EventMetrics(registry), registry);
        new AggregateStore<>(mongo, relay, BallotStore.COLLECTION, Ballot.class, Clock.systemUTC(), BallotStore.PARENT);
        return relay;
    }

    private static Ballot open(String proposal, Instant at) {
        String id = "b-" + UUID.randomUUID().toString().substring(0, 8);
        BallotRequest request = new BallotRequest(id, proposal, "ACC/TC 1", "DIS", "ISO_ENQUIRY_APPROVAL", 2,
                RequestedBallot.VERSION_SHA256, List.of("DE", "FR", "GB", "JP"), List.of("IT"), true, false,
                at.plus(Duration.ofDays(30)));
        return Ballot.open(request, at).ballot();
    }

    /** Ballots of other proposals, two a proposal, written as the store keeps them (in their slots), in bulk. */
    private void storeOtherBallots(int count) {
        List<Document> docs = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            String proposal = "other-" + run + "-" + (i / 2);
            Document doc = formerDocument(open(proposal, Instant.now()));
            doc.put("slot", proposal + "#" + (i % 2 + 1));
            docs.add(doc);
        }
        mongo.insert(docs, BallotStore.COLLECTION).blockLast();
    }

    /** A ballot's document as versions before slots stored it: no {@code slot}. */
    private Document formerDocument(Ballot ballot) {
        Document state = new Document();
        mongo.getConverter().write(ballot, state);
        Date at = Date.from(ballot.openedAt());
        return new Document("_id", ballot.ballotId()).append("version", 1L).append("state", state)
                .append("outbox", List.of()).append("applied", List.of()).append("createdAt", at).append("updatedAt", at);
    }
}
