package org.accord.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.events.CloudEvent;
import org.accord.events.EventFactory;
import org.accord.events.KafkaCloudEvents;
import org.accord.events.Topics;
import org.accord.messaging.deadletter.PoisonTolerantApplication.ReviewNoted;
import org.accord.testing.AccordInfrastructureInitializer;
import org.accord.testing.TestInfrastructure;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(classes = PoisonTolerantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=deadletter-it",
        "spring.cloud.function.definition=reviews",
        "spring.cloud.stream.bindings.reviews-in-0.destination=" + PoisonTolerantApplication.TOPIC,
        "spring.cloud.stream.default.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.kafka.bindings.reviews-in-0.consumer.start-offset=earliest"})
@ContextConfiguration(initializers = AccordInfrastructureInitializer.class)
@DirtiesContext
class DeadLetterIT {

    static final String DLT = Topics.deadLetter(PoisonTolerantApplication.TOPIC, "deadletter-it");
    static KafkaProducer<String, byte[]> producer;
    final EventFactory events = new EventFactory("/accord/tests", Clock.systemUTC());

    @Autowired
    List<String> handledNotes;
    @Autowired
    MeterRegistry registry;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void shouldDeadLetterAPoisonEventWithItsReasonAndStillProcessTheNextOneOnThePartition() throws Exception {
        send(events.create(PoisonTolerantApplication.NOTED, "p-7", new ReviewNoted("poison-1")));
        send(events.create(PoisonTolerantApplication.NOTED, "p-7", new ReviewNoted("after-poison")));

        try (TopicProbe dlt = TopicProbe.on(DLT)) {
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> new String(r.value(), StandardCharsets.UTF_8).contains("poison-1"),
                    Duration.ofSeconds(40));
            assertThat(TopicProbe.header(dead, "ce_type")).isEqualTo("org.accord.review.noted.v1");
            assertThat(reason(dead)).contains("cannot apply note poison-1");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> handledNotes.contains("after-poison"));
        assertThat(handledNotes).doesNotContain("poison-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.find("accord.events.dead.lettered")
                .tag("topic", PoisonTolerantApplication.TOPIC).counter() != null);
    }

    @Test
    void shouldDeadLetterARecordThatIsNotACloudEventWithoutRetrying() throws Exception {
        producer.send(new ProducerRecord<>(PoisonTolerantApplication.TOPIC, "p-8",
                "{not even json".getBytes(StandardCharsets.UTF_8))).get();
        send(events.create(PoisonTolerantApplication.NOTED, "p-8", new ReviewNoted("after-garbage")));

        try (TopicProbe dlt = TopicProbe.on(DLT)) {
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> "p-8".equals(r.key()), Duration.ofSeconds(40));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not even json");
            assertThat(reason(dead)).contains("Not a CloudEvent");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> handledNotes.contains("after-garbage"));
    }

    private static void send(CloudEvent event) throws Exception {
        producer.send(KafkaCloudEvents.toRecord(PoisonTolerantApplication.TOPIC, event.subject(), event)).get();
    }

    /** The binder puts the failure into headers of the dead-lettered record. */
    private static String reason(ConsumerRecord<String, byte[]> record) {
        StringBuilder all = new StringBuilder();
        record.headers().forEach(h -> {
            if (h.key().contains("exception-message") || h.key().contains("exception_message")) {
                all.append(new String(h.value(), StandardCharsets.UTF_8));
            }
        });
        return all.toString();
    }
}
