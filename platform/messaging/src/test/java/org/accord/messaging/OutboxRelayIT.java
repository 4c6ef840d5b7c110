package org.accord.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.accord.testing.ExaminedDocuments;
import org.accord.testing.TestInfrastructure;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import reactor.core.publisher.Mono;

/**
 * The embedded outbox on the real broker and Mongo-wire server: a state change and its events
 * are one write, and a relay that dies before publishing, or after publishing but before removing,
 * loses nothing and, with an idempotent consumer, applies nothing twice.
 */
class OutboxRelayIT {

    record Draft(String title, int revision) {
    }

    record DraftRevised(String draftId, int revision) {
    }

    static final String TOPIC = "accord.outbox-it.v1";
    static final EventType<DraftRevised> REVISED = EventType.of("org.accord.draft.revised.v1", TOPIC, DraftRevised.class);

    MongoClient client;
    String database;
    ReactiveMongoTemplate mongo;
    DefaultKafkaProducerFactory<String, byte[]> producers;
    KafkaTemplate<String, byte[]> kafka;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventRecorder recorder = new EventRecorder("outbox-it", Clock.systemUTC());
    List<OutboxRelay> relays = new ArrayList<>();

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        database = "outbox-it-" + UUID.randomUUID();
        mongo = new ReactiveMongoTemplate(client, database);
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        kafka = new KafkaTemplate<>(producers);
    }

    @AfterEach
    void close() {
        relays.forEach(OutboxRelay::stop);
        producers.destroy();
        client.close();
    }

    OutboxRelay relay() {
        OutboxRelay relay = new OutboxRelay(mongo, kafka, Duration.ofMillis(300), new EventMetrics(registry), registry);
        relays.add(relay);
        return relay;
    }

    @Test
    void shouldPublishEventsWrittenWhileNoRelayRanOnceItStartsInOrderAndEmptyTheOutbox() {
        OutboxRelay stopped = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, stopped, "drafts", Draft.class, Clock.systemUTC());
        String id = "d-" + UUID.randomUUID();

        Stored<Draft> created = drafts.create(id, new Draft("Evaluation reports", 1),
                List.of(recorder.record(REVISED, id, new DraftRevised(id, 1)))).block();
        drafts.update(created, new Draft("Evaluation reports", 2),
                List.of(recorder.record(REVISED, id, new DraftRevised(id, 2)))).block();
        assertThat(pendingEvents(id)).hasSize(2);

        // The process that wrote died before its relay published; a new one starts on the same store.
        OutboxRelay restarted = relay();
        restarted.register("drafts");
        restarted.start();

        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            probe.awaitEvent(REVISED.name(), id, Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(2));
            assertThat(records).extracting(r -> KafkaCloudEvents.fromRecord(r).payload(DraftRevised.class).revision())
                    .containsExactly(1, 2);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingEvents(id).isEmpty());
        assertThat(drafts.find(id).block().state().revision()).isEqualTo(2);
    }

    @Test
    void shouldRepublishWithTheSameIdAfterACrashBetweenPublishAndRemovalAndTheConsumerAppliesItOnce() {
        AtomicBoolean crashed = new AtomicBoolean();
        OutboxRelay crashing = new OutboxRelay(mongo, kafka, Duration.ofMillis(300), new EventMetrics(registry), registry) {
            @Override
            protected Mono<Boolean> removePublished(String collection, Object documentId, long upToVersion) {
                crashed.set(true);
                stop();
                return Mono.error(new IllegalStateException("relay killed after publishing, before removing"));
            }
        };
        relays.add(crashing);
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, crashing, "drafts", Draft.class, Clock.systemUTC());
        crashing.start();
        String id = "d-" + UUID.randomUUID();
        drafts.create(id, new Draft("Scope", 1), List.of(recorder.record(REVISED, id, new DraftRevised(id, 1)))).block();
        await().atMost(Duration.ofSeconds(20)).untilTrue(crashed);
        assertThat(pendingEvents(id)).as("the crash left the event in the outbox").hasSize(1);

        OutboxRelay restarted = relay();
        restarted.register("drafts");
        restarted.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingEvents(id).isEmpty());

        AtomicInteger applied = new AtomicInteger();
        EventConsumers consumers = new EventConsumers(new EventMetrics(registry), new ConsumedEvents(mongo, Clock.systemUTC()),
                Duration.ofSeconds(10));
        var consumer = consumers.consumer("outbox-it")
                .once(REVISED, event -> Mono.fromRunnable(applied::incrementAndGet))
                .build();
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            probe.awaitEvent(REVISED.name(), id, Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(2));
            assertThat(records).as("published twice: once before the crash, once after the restart").hasSize(2);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_id")).containsOnly(TopicProbe.header(records.get(0), "ce_id"));
            records.forEach(r -> consumer.accept(asMessage(r)));
        }
        assertThat(applied).hasValue(1);
    }

    @Test
    void shouldKeepEventsAppendedWhileTheRelayWasPublishing() {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        relay.start();
        String id = "d-" + UUID.randomUUID();
        Stored<Draft> current = drafts.create(id, new Draft("T", 0), List.of()).block();
        for (int revision = 1; revision <= 30; revision++) {
            current = drafts.update(current, new Draft("T", revision),
                    List.of(recorder.record(REVISED, id, new DraftRevised(id, revision)))).block();
        }
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            probe.await(r -> id.equals(r.key()) && KafkaCloudEvents.fromRecord(r).payload(DraftRevised.class).revision() == 30,
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(1));
            assertThat(records).extracting(r -> KafkaCloudEvents.fromRecord(r).payload(DraftRevised.class).revision())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingEvents(id).isEmpty());
        assertThat(registry.get("accord.events.published").tag("type", REVISED.name()).counter().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void shouldRefuseAWriteBasedOnAStaleVersion() {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        String id = "d-" + UUID.randomUUID();
        Stored<Draft> v1 = drafts.create(id, new Draft("T", 1), List.of()).block();
        drafts.update(v1, new Draft("T", 2), List.of(recorder.record(REVISED, id, new DraftRevised(id, 2)))).block();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        drafts.update(v1, new Draft("T", 3), List.of(recorder.record(REVISED, id, new DraftRevised(id, 3)))).block())
                .isInstanceOf(org.accord.problem.VersionConflictException.class);
        assertThat(drafts.find(id).block().state().revision()).isEqualTo(2);
        assertThat(pendingEvents(id)).as("the refused write added no event").hasSize(1);
    }

    @Test
    void shouldCarryTheTraceContextOfTheWriteIntoTheKafkaHeader() {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        relay.start();
        String id = "d-" + UUID.randomUUID();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        drafts.create(id, new Draft("T", 1), List.of(recorder.record(REVISED, id, new DraftRevised(id, 1))))
                .contextWrite(ctx -> ctx.put(TraceContext.CONTEXT_KEY, traceparent))
                .block();
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            ConsumerRecord<String, byte[]> record = probe.awaitEvent(REVISED.name(), id, Duration.ofSeconds(20));
            assertThat(TopicProbe.header(record, "traceparent")).isEqualTo(traceparent);
        }
    }

    @Test
    void shouldStartATraceOfItsOwnForAWriteNoRequestOrEventCaused() {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        relay.start();
        String first = "d-" + UUID.randomUUID();
        String second = "d-" + UUID.randomUUID();
        // As a deadline scanner or startup seeding writes: no trace context at all.
        drafts.create(first, new Draft("T", 1), List.of(recorder.record(REVISED, first, new DraftRevised(first, 1)))).block();
        drafts.create(second, new Draft("T", 1), List.of(recorder.record(REVISED, second, new DraftRevised(second, 1)))).block();
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            String one = TopicProbe.header(probe.awaitEvent(REVISED.name(), first, Duration.ofSeconds(20)), "traceparent");
            String other = TopicProbe.header(probe.awaitEvent(REVISED.name(), second, Duration.ofSeconds(20)), "traceparent");
            assertThat(one).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(other).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(one.substring(3, 35)).as("each write its own trace id").isNotEqualTo(other.substring(3, 35));
        }
    }

    @Test
    void shouldExamineOnlyTheWrittenDocumentToWriteAndPublishAndNothingToSweepWhateverTheSizeOfTheCollections() {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        new AggregateStore<>(mongo, relay, "archive", Draft.class, Clock.systemUTC());
        archive("drafts", 2_000);
        archive("archive", 2_000);
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.indexOps("drafts").getIndexInfo().collectList().block().size() == 3);
        // The first start's one-off migrations read each collection once; the writes are measured after them.
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new org.springframework.data.mongodb.core.query.Query(),
                StoreMigrations.COLLECTION).block() == 2);
        String id = "d-" + UUID.randomUUID();

        long before = ExaminedDocuments.in(database);
        Stored<Draft> created = drafts.create(id, new Draft("Scope", 1), List.of(recorder.record(REVISED, id, new DraftRevised(id, 1)))).block();
        drafts.update(created, new Draft("Scope", 2), List.of(recorder.record(REVISED, id, new DraftRevised(id, 2)))).block();
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingEvents(id).isEmpty()
                && !mongo.findById(id, org.bson.Document.class, "drafts").block().containsKey(AggregateStore.PENDING));
        long writesAndDrains = ExaminedDocuments.in(database) - before;

        long beforeSweep = ExaminedDocuments.in(database);
        relay.sweep().block();
        long sweep = ExaminedDocuments.in(database) - beforeSweep;

        System.out.printf("Two writes and their drains examined %d documents; a sweep with nothing pending %d (4,001 documents stored)%n",
                writesAndDrains, sweep);
        assertThat(writesAndDrains).as("documents examined by two writes and their drains").isLessThanOrEqualTo(20);
        assertThat(sweep).as("documents examined by a sweep that finds nothing pending").isZero();
    }

    @Test
    void shouldPublishQuickWritesToManyDocumentsEachInOrderWithoutSkippingAndSweepOnlyWhatIsPending() throws Exception {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        relay.start();
        List<String> ids = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "d-" + UUID.randomUUID()).toList();
        int revisions = 20;
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            var writers = java.util.concurrent.Executors.newFixedThreadPool(ids.size());
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(writers.submit(() -> {
                    Stored<Draft> current = drafts.create(id, new Draft("T", 0), List.of()).block();
                    for (int revision = 1; revision <= revisions; revision++) {
                        current = drafts.update(current, new Draft("T", revision),
                                List.of(recorder.record(REVISED, id, new DraftRevised(id, revision)))).block();
                    }
                }));
            }
            for (var future : done) {
                future.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            writers.shutdown();
            for (String id : ids) {
                probe.await(r -> id.equals(r.key()) && KafkaCloudEvents.fromRecord(r).payload(DraftRevised.class).revision() == revisions,
                        Duration.ofSeconds(20));
            }
            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> ids.contains(r.key()), Duration.ofSeconds(1));
            for (String id : ids) {
                assertThat(records.stream().filter(r -> id.equals(r.key()))
                        .map(r -> KafkaCloudEvents.fromRecord(r).payload(DraftRevised.class).revision()).distinct().toList())
                        .as("revisions of %s in the order published, first deliveries", id)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, revisions).boxed().toList());
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> pendingEvents(id).isEmpty()));

        // A document left pending (as a crash would leave it) is the only one a sweep reads.
        String left = "d-" + UUID.randomUUID();
        OutboxRelay stopped = relay();
        new AggregateStore<>(mongo, stopped, "drafts", Draft.class, Clock.systemUTC())
                .create(left, new Draft("T", 1), List.of(recorder.record(REVISED, left, new DraftRevised(left, 1)))).block();
        long before = ExaminedDocuments.in(database, "drafts");
        assertThat(relay.sweep().block()).as("events published by the sweep").isEqualTo(1);
        assertThat(ExaminedDocuments.in(database, "drafts") - before).as("documents examined by the sweep").isBetween(1L, 6L);
        assertThat(pendingEvents(left)).isEmpty();
    }

    /** Documents of an archive: aggregates whose events went out long ago. */
    private void archive(String collection, int count) {
        List<org.bson.Document> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docs.add(new org.bson.Document("_id", collection + "-" + i).append("version", 3L)
                    .append("state", new org.bson.Document("title", "Archived").append("revision", 3))
                    .append("outbox", List.of()).append("applied", List.of()).append("updatedAt", new java.util.Date()));
        }
        mongo.insert(docs, collection).blockLast();
    }

    private List<?> pendingEvents(String id) {
        org.bson.Document doc = mongo.findById(id, org.bson.Document.class, "drafts").block();
        return doc.getList("outbox", Object.class);
    }

    private static Message<byte[]> asMessage(ConsumerRecord<String, byte[]> record) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(record.value());
        record.headers().forEach(h -> builder.setHeader(h.key(), h.value()));
        return builder.build();
    }
}
