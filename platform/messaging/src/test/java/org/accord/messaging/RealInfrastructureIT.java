package org.accord.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.accord.events.CloudEvent;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.accord.problem.VersionConflictException;
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
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import reactor.core.publisher.Mono;

/**
 * The embedded outbox against the infrastructure production runs on: an Apache Kafka container
 * (KRaft) and a MongoDB single-node replica set, instead of the in-process broker and the
 * Mongo-wire server of the other ITs. Skipped where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealInfrastructureIT {

    record Draft(String title, int revision) {
    }

    record DraftRevised(String draftId, int revision) {
    }

    static final String TOPIC = "accord.real-infrastructure-it.v1";
    static final EventType<DraftRevised> REVISED = EventType.of("org.accord.draft.real-revised.v1", TOPIC, DraftRevised.class);

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7").withReplicaSet();

    MongoClient client;
    ReactiveMongoTemplate mongo;
    DefaultKafkaProducerFactory<String, byte[]> producers;
    KafkaTemplate<String, byte[]> kafka;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventRecorder recorder = new EventRecorder("real-infrastructure-it", Clock.systemUTC());
    List<OutboxRelay> relays = new ArrayList<>();

    @BeforeEach
    void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl("accord-it"));
        mongo = new ReactiveMongoTemplate(client, "outbox-real-" + UUID.randomUUID());
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
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
    void shouldPublishAWriteAndItsEventsFromMongoDbToKafkaAsCloudEventsInOrderAndEmptyTheOutbox() {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        relay.start();
        String id = "d-" + UUID.randomUUID();

        Stored<Draft> created = drafts.create(id, new Draft("Evaluation reports", 1),
                List.of(recorder.record(REVISED, id, new DraftRevised(id, 1)))).block();
        drafts.update(created, new Draft("Evaluation reports", 2),
                List.of(recorder.record(REVISED, id, new DraftRevised(id, 2)))).block();

        try (TopicProbe probe = TopicProbe.on(KAFKA.getBootstrapServers(), List.of(TOPIC))) {
            ConsumerRecord<String, byte[]> first = probe.awaitEvent(REVISED.name(), id, Duration.ofSeconds(30));
            assertThat(first.key()).isEqualTo(id);
            assertThat(TopicProbe.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(first, "ce_source")).isEqualTo("/accord/real-infrastructure-it");
            assertThat(TopicProbe.header(first, "ce_id")).isNotBlank();
            assertThat(TopicProbe.header(first, "ce_time")).isNotBlank();
            assertThat(TopicProbe.header(first, "content-type")).isEqualTo("application/json");

            List<ConsumerRecord<String, byte[]>> records = probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(2));
            assertThat(records).extracting(r -> KafkaCloudEvents.fromRecord(r).payload(DraftRevised.class).revision())
                    .containsExactly(1, 2);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingEvents(id).isEmpty());
        assertThat(drafts.find(id).block().state().revision()).isEqualTo(2);
        assertThat(registry.get("accord.events.published").tag("type", REVISED.name()).counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRefuseAStaleWriteOnMongoDbAndLeaveNoEventOfIt() {
        OutboxRelay relay = relay();
        AggregateStore<Draft> drafts = new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        String id = "d-" + UUID.randomUUID();
        Stored<Draft> v1 = drafts.create(id, new Draft("T", 1), List.of()).block();
        drafts.update(v1, new Draft("T", 2), List.of(recorder.record(REVISED, id, new DraftRevised(id, 2)))).block();

        assertThatThrownBy(() -> drafts.update(v1, new Draft("T", 3),
                List.of(recorder.record(REVISED, id, new DraftRevised(id, 3)))).block())
                .isInstanceOf(VersionConflictException.class);
        assertThat(drafts.find(id).block().state().revision()).isEqualTo(2);
        assertThat(pendingEvents(id)).hasSize(1);
    }

    @Test
    void shouldApplyAnEventDeliveredTwiceOnlyOnceWithTheConsumedEventsKeptInMongoDb() {
        AtomicInteger applied = new AtomicInteger();
        EventConsumers consumers = new EventConsumers(new EventMetrics(registry), new ConsumedEvents(mongo, Clock.systemUTC()),
                Duration.ofSeconds(10));
        var consumer = consumers.consumer("real-infrastructure-it")
                .once(REVISED, event -> Mono.fromRunnable(applied::incrementAndGet))
                .build();
        String id = "d-" + UUID.randomUUID();
        CloudEvent event = new org.accord.events.EventFactory("/accord/real-infrastructure-it", Clock.systemUTC())
                .create(REVISED, id, new DraftRevised(id, 1));

        consumer.accept(asMessage(event));
        consumer.accept(asMessage(event));

        assertThat(applied).hasValue(1);
    }

    @Test
    void shouldServeTheSweepAndTheVersionGuardFromIndexesOnMongoDb() {
        OutboxRelay relay = relay();
        new AggregateStore<>(mongo, relay, "drafts", Draft.class, Clock.systemUTC());
        relay.ensureIndexes().blockLast();

        assertThat(indexesUsed(new org.bson.Document("find", "drafts")
                .append("filter", new org.bson.Document(AggregateStore.PENDING, new org.bson.BsonRegularExpression("^")))))
                .as("the sweep's register query").contains(OutboxRelay.PENDING_INDEX);
        assertThat(indexesUsed(new org.bson.Document("find", "drafts")
                .append("filter", new org.bson.Document("_id", "d-1").append(AggregateStore.VERSION, 3L))))
                .as("a version-guarded write's filter").isNotEmpty();
    }

    /** The names of the indexes in MongoDB's winning plan for a command ({@code explain}, query planner). */
    private List<String> indexesUsed(org.bson.Document command) {
        org.bson.Document explained = mongo.executeCommand(new org.bson.Document("explain", command)
                .append("verbosity", "queryPlanner")).block();
        List<String> names = new ArrayList<>();
        collectIndexNames(explained.get("queryPlanner", org.bson.Document.class).get("winningPlan"), names);
        return names;
    }

    private static void collectIndexNames(Object node, List<String> names) {
        if (node instanceof org.bson.Document doc) {
            if (doc.get("indexName") instanceof String name) {
                names.add(name);
            }
            doc.values().forEach(value -> collectIndexNames(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectIndexNames(value, names));
        }
    }

    private List<?> pendingEvents(String id) {
        org.bson.Document doc = mongo.findById(id, org.bson.Document.class, "drafts").block();
        List<?> outbox = doc.getList("outbox", Object.class);
        return outbox == null ? List.of() : outbox;
    }

    private static Message<byte[]> asMessage(CloudEvent event) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(event.data());
        KafkaCloudEvents.headers(event).forEach(h -> builder.setHeader(h.key(), h.value()));
        return builder.build();
    }
}
