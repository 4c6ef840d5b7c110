package org.accord.comments;

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
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.comments.domain.CommentSubmission;
import org.accord.comments.events.CommentEvents;
import org.accord.comments.events.CommentPeriodClosed;
import org.accord.comments.domain.SubmissionIds;
import org.accord.comments.persistence.CollectionNames;
import org.accord.events.AccordJson;
import org.accord.events.Topics;
import org.accord.messaging.AccordMessagingAutoConfiguration.OutboxProducer;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.EventMetrics;
import org.accord.messaging.OutboxRelay;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.ProposalWithdrawn;
import org.accord.proposals.events.ReviewCloseRequested;
import org.accord.testing.ExaminedDocuments;
import org.accord.testing.StoreQueries;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A period's submissions, and a proposal's periods, are read from the slots they are kept under,
 * not by a filter on their parent: among thousands of other submissions, listing, compiling and
 * closing a period with three examine those three (the test store counts what each query
 * examines), one submission's comments are read by its id, submissions stored before slots existed
 * get theirs when instances start, two at once, and among thousands of other periods, listing and
 * withdrawing a proposal's two examine those two and the writes that close them.
 */
class ReadsBySlotIT extends ServiceHarness {

    private static final int OTHER_SUBMISSIONS = 3_000;
    private static final int OTHER_PERIODS = 3_000;
    private static final String SUBMISSIONS = CollectionNames.SUBMISSIONS;
    private static final String PERIODS = CollectionNames.PERIODS;
    private static final String BACKFILL_DONE = "parent-slots:" + SUBMISSIONS;

    private final ReactiveMongoTemplate mongo;
    private final OutboxProducer producer;
    private final String database;

    @Autowired
    ReadsBySlotIT(ReactiveMongoTemplate mongo, OutboxProducer producer, @Value("${spring.mongodb.database}") String database) {
        this.mongo = mongo;
        this.producer = producer;
        this.database = database;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListCompileAndCloseAPeriodsSubmissionsExaminingOnlyThemAmongThousandsOfOthers() {
        Opened review = openReview(Duration.ofDays(30));
        String period = "/comment-periods/" + review.periodId();
        String kenya = postJson(period + "/comments/batch", TestTokens.nationalBody("KE"),
                "[{\"clause\":\"5.2\",\"type\":\"te\",\"comment\":\"State why data is withheld\"},"
                        + "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"Scope too wide\"}]")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("submissionId").toString();
        postJson(period + "/comments", TestTokens.nationalBody("FR"), "{\"clause\":\"1\",\"type\":\"ed\",\"comment\":\"Coquille\"}")
                .expectStatus().isCreated();
        postFile(period + "/comments/batch", TestTokens.nationalBody("CN"), "text/csv", utf8(csv("CN,31,3.2,,te,Too strict,,")), null)
                .expectStatus().isCreated();
        List<String> slots = IntStream.rangeClosed(1, 3).mapToObj(n -> review.periodId() + "#" + n).toList();
        // The relay drains the three outboxes in the background; measured after it, it counts nothing below.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> mongo.find(
                Query.query(Criteria.where("slot").in(slots)), Document.class, SUBMISSIONS).collectList().block().stream()
                .allMatch(doc -> ((List<?>) doc.get("outbox")).isEmpty()));
        storeOtherSubmissions(mongo.findById(kenya, Document.class, SUBMISSIONS).block(), OTHER_SUBMISSIONS);
        assertThat(mongo.count(new Query(), SUBMISSIONS).block()).isGreaterThan(OTHER_SUBMISSIONS);

        long before = examined();
        get(period + "/comments", TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$[*].clause").value(c -> assertThat((List<Object>) c).containsExactly("1", "1", "3.2", "5.2"))
                .jsonPath("$[*].memberBody").value(m -> assertThat((List<Object>) m).containsExactly("FR", "KE", "CN", "KE"));
        long listing = examined() - before;

        before = examined();
        get(period + "/comments?submission=" + kenya, TestTokens.nationalBody("GB")).expectStatus().isOk().expectBody()
                .jsonPath("$[*].clause").value(c -> assertThat((List<Object>) c).containsExactly("1", "5.2"))
                .jsonPath("$[*].submissionId").value(s -> assertThat((List<Object>) s).containsOnly(kenya));
        long oneSubmission = examined() - before;

        before = examined();
        get(period + "/compilation", TestTokens.secretariat()).expectStatus().isOk().expectBody()
                .jsonPath("$.comments.length()").isEqualTo(4);
        http.get().uri(period + "/compilation").headers(h -> h.setBearerAuth(TestTokens.secretariat())).accept(
                org.springframework.http.MediaType.parseMediaType("text/csv")).exchange().expectStatus().isOk();
        long compilations = examined() - before;

        before = examined();
        publish(ProposalEvents.REVIEW_CLOSE_REQUESTED, review.proposalId(),
                new ReviewCloseRequested(review.proposalId(), review.periodId(), "editor", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get(period, TestTokens.editor()).expectStatus().isOk().expectBody()
                        .jsonPath("$.status").isEqualTo("CLOSED")
                        .jsonPath("$.counts.total").isEqualTo(4));
        long close = examined() - before;

        System.out.printf("A period's 3 submissions: listing examined %d submission documents, one submission %d, "
                        + "JSON + CSV compilation %d, close %d (%d stored)%n",
                listing, oneSubmission, compilations, close, mongo.count(new Query(), SUBMISSIONS).block());
        assertThat(listing).as("submission documents examined by the listing").isLessThanOrEqualTo(3);
        assertThat(oneSubmission).as("submission documents examined for one submission's comments").isLessThanOrEqualTo(1);
        assertThat(compilations).as("submission documents examined by two compilations").isLessThanOrEqualTo(6);
        assertThat(close).as("submission documents examined by the close").isLessThanOrEqualTo(3);

        Map<StoreQueries.Shape, Optional<String>> queries = StoreQueries.served(database);
        // The one-off backfill at start reads documents without a slot by their period; nothing else names the period.
        assertThat(queries.keySet()).filteredOn(q -> q.collection().equals(SUBMISSIONS))
                .filteredOn(q -> !q.command().contains("one-off migration"))
                .noneMatch(q -> q.filter().contains("state.periodId"))
                .anyMatch(q -> q.command().equals("find") && q.filter().equals(List.of("slot")));
        assertThat(mongo.indexOps(SUBMISSIONS).getIndexInfo().collectList().block())
                .noneMatch(index -> index.getName().equals("by_period"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveSubmissionsStoredBeforeSlotsTheirSlotWhenTwoInstancesStartAtOnce() {
        Opened elsewhere = openReview(Duration.ofDays(30));
        String model = postJson("/comment-periods/" + elsewhere.periodId() + "/comments", TestTokens.nationalBody("KE"),
                "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"Scope too wide\"}")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("submissionId").toString();
        Document template = mongo.findById(model, Document.class, SUBMISSIONS).block();
        Opened review = openReview(Duration.ofDays(30));
        String comments = "/comment-periods/" + review.periodId() + "/comments";
        Instant now = Instant.now();
        // Inserted newer first: the backfill orders a period's documents by creation, not by insert.
        Document newer = formerDocument(template, review, now.minusSeconds(300));
        Document older = formerDocument(template, review, now.minusSeconds(600));
        mongo.insert(List.of(newer, older), SUBMISSIONS).blockLast();
        get(comments, TestTokens.editor()).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        // The backfill ran when this context started; a new version's first start runs it again.
        mongo.remove(Query.query(Criteria.where("_id").is(BACKFILL_DONE)), "store_migrations").block();
        List<OutboxRelay> instances = List.of(instance(), instance());
        try {
            instances.forEach(OutboxRelay::start);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> mongo.exists(
                    Query.query(Criteria.where("_id").is(BACKFILL_DONE)), "store_migrations").block());
        } finally {
            instances.forEach(OutboxRelay::stop);
        }

        List<String> slots = List.of(older, newer).stream()
                .map(doc -> mongo.findById(doc.get("_id"), Document.class, SUBMISSIONS).block().getString("slot")).toList();
        assertThat(slots).containsExactly(review.periodId() + "#1", review.periodId() + "#2");
        get(comments, TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$[*].submissionId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly(older.getString("_id"), newer.getString("_id")));

        // A submission sent after the backfill takes the next free slot of the period.
        String latest = postJson(comments, TestTokens.nationalBody("KE"), "{\"clause\":\"1\",\"type\":\"ge\",\"comment\":\"Later\"}")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("submissionId").toString();
        assertThat(mongo.findById(latest, Document.class, SUBMISSIONS).block().getString("slot")).isEqualTo(review.periodId() + "#3");
        get(comments, TestTokens.editor()).expectStatus().isOk().expectBody()
                .jsonPath("$[*].submissionId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly(older.getString("_id"), newer.getString("_id"), latest));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListAndWithdrawAProposalsPeriodsExaminingOnlyThemAmongThousandsOfOthers() {
        Opened review = openReview(Duration.ofDays(30));
        String enquiry = fresh("cp");
        publish(ProposalEvents.REVIEW_OPENED, review.proposalId(),
                review(review.proposalId(), enquiry, review.committeeId(), Instant.now().plus(Duration.ofDays(20))));
        awaitReadable(enquiry, "KE");
        List<String> ids = List.of(review.periodId(), enquiry);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> ids.stream()
                .allMatch(id -> ((List<?>) mongo.findById(id, Document.class, PERIODS).block().get("outbox")).isEmpty()));
        storeOtherPeriods(mongo.findById(review.periodId(), Document.class, PERIODS).block(), OTHER_PERIODS);
        assertThat(mongo.count(new Query(), PERIODS).block()).isGreaterThan(OTHER_PERIODS);

        long before = ExaminedDocuments.in(database, PERIODS);
        get("/comment-periods?proposal=" + review.proposalId(), TestTokens.nationalBody("KE")).expectStatus().isOk().expectBody()
                .jsonPath("$[*].periodId").value(p -> assertThat((List<Object>) p).containsExactly(review.periodId(), enquiry));
        get("/comment-periods?proposal=" + review.proposalId() + "&status=CLOSED", TestTokens.editor()).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        long listings = ExaminedDocuments.in(database, PERIODS) - before;

        before = ExaminedDocuments.in(database, PERIODS);
        publish(ProposalEvents.WITHDRAWN, review.proposalId(),
                new ProposalWithdrawn(review.proposalId(), "30.20", "Abandoned", "secretariat", Instant.now()));
        // Awaited on the topic, not by reading the store (which would count too).
        try (TopicProbe comments = TopicProbe.on(Topics.COMMENTS)) {
            for (String id : ids) {
                CommentPeriodClosed closed = AccordJson.read(comments.await(r -> CommentEvents.PERIOD_CLOSED.name()
                        .equals(TopicProbe.header(r, "ce_type")) && id.equals(AccordJson.read(r.value(), CommentPeriodClosed.class)
                        .periodId()), Duration.ofSeconds(30)).value(), CommentPeriodClosed.class);
                assertThat(closed.reason()).isEqualTo("WITHDRAWN");
            }
        }
        long withdrawal = ExaminedDocuments.in(database, PERIODS) - before;

        System.out.printf("A proposal's 2 periods: two listings examined %d period documents, the withdrawal %d (%d stored)%n",
                listings, withdrawal, mongo.count(new Query(), PERIODS).block());
        assertThat(listings).as("period documents examined by two listings").isLessThanOrEqualTo(4);
        // Two version-guarded writes, their outbox drains and the lookups by _id around them.
        assertThat(withdrawal).as("period documents examined by the withdrawal").isLessThanOrEqualTo(40);
        assertThat(StoreQueries.served(database).keySet()).filteredOn(q -> q.collection().equals(PERIODS))
                .filteredOn(q -> !q.command().contains("one-off migration"))
                .noneMatch(q -> q.filter().contains("state.proposalId"));
        assertThat(mongo.indexOps(PERIODS).getIndexInfo().collectList().block())
                .noneMatch(index -> index.getName().equals("by_proposal_opened"));
    }

    /** Periods of other proposals, two a proposal, copied from a stored one as the store keeps them (in their slots), in bulk. */
    private void storeOtherPeriods(Document template, int count) {
        List<Document> docs = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        DocumentCodec codec = new DocumentCodec();
        for (int i = 0; i < count; i++) {
            String proposalId = "other-" + run + "-" + (i / 2);
            Document doc = new RawBsonDocument(template, codec).decode(codec);
            String periodId = "cp-" + run + "-" + i;
            doc.append("_id", periodId).append("slot", proposalId + "#" + (i % 2 + 1));
            doc.get("state", Document.class).append("periodId", periodId).append("proposalId", proposalId);
            docs.add(doc);
        }
        mongo.insert(docs, PERIODS).blockLast();
    }

    private long examined() {
        return ExaminedDocuments.in(database, SUBMISSIONS);
    }

    /** Another instance of the service on the same store: its relay runs the start-up migrations. */
    private OutboxRelay instance() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(mongo, producer.template(), Duration.ofSeconds(30), new EventMetrics(registry), registry);
        new AggregateStore<>(mongo, relay, SUBMISSIONS, CommentSubmission.class, Clock.systemUTC(), CollectionNames.SUBMISSION_PARENT);
        return relay;
    }

    /** Submissions of other periods, three a period, copied from a stored one as the store keeps them (in their slots), in bulk. */
    private void storeOtherSubmissions(Document template, int count) {
        List<Document> docs = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            String periodId = "other-" + run + "-" + (i / 3);
            Document doc = copy(template, SubmissionIds.fresh(), periodId, template.getDate("createdAt"));
            doc.put("slot", periodId + "#" + (i % 3 + 1));
            docs.add(doc);
        }
        mongo.insert(docs, SUBMISSIONS).blockLast();
    }

    /** A submission's document as versions before slots stored it: no {@code slot}. */
    private static Document formerDocument(Document template, Opened review, Instant at) {
        Document doc = copy(template, SubmissionIds.fresh(), review.periodId(), Date.from(at));
        doc.get("state", Document.class).append("proposalId", review.proposalId()).append("committeeId", review.committeeId());
        doc.remove("slot");
        return doc;
    }

    /** The template under another id and period, its comments renamed after the new id, created and sent at {@code at}. */
    @SuppressWarnings("unchecked")
    private static Document copy(Document template, String submissionId, String periodId, Date at) {
        DocumentCodec codec = new DocumentCodec();
        Document state = new RawBsonDocument(template.get("state", Document.class), codec).decode(codec);
        state.append("submissionId", submissionId).append("periodId", periodId).append("submittedAt", at).append("idempotencyKey", null);
        for (Document comment : (List<Document>) state.get("comments")) {
            comment.put("commentId", SubmissionIds.commentId(submissionId, comment.getInteger("position")));
        }
        return new Document("_id", submissionId).append("version", 1L).append("state", state).append("outbox", List.of())
                .append("applied", List.of()).append("createdAt", at).append("updatedAt", at);
    }
}
