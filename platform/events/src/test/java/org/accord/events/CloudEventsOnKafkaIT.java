package org.accord.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.accord.testing.TestInfrastructure;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class CloudEventsOnKafkaIT {

    record SampleFact(String proposalId, int projectNumber, Instant at) {
    }

    @Test
    void shouldCarryEveryCloudEventsAttributeAsACeHeaderAndThePayloadAsJson() throws Exception {
        String topic = "accord.events-it.v1";
        EventType<SampleFact> type = EventType.of("org.accord.sample.fact-recorded.v1", topic, SampleFact.class);
        Instant at = Instant.parse("2026-11-30T10:15:30.123Z");
        CloudEvent event = new EventFactory("/accord/tests", java.time.Clock.systemUTC())
                .create(type, "p-1", new SampleFact("p-1", 42, at), at, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
             TopicProbe probe = TopicProbe.on(topic)) {
            producer.send(KafkaCloudEvents.toRecord(topic, "p-1", event)).get();

            ConsumerRecord<String, byte[]> record = probe.awaitEvent(type.name(), "p-1", Duration.ofSeconds(20));

            List<String> headerNames = Arrays.stream(record.headers().toArray()).map(Header::key).toList();
            assertThat(headerNames).containsExactly("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time",
                    "ce_subject", "content-type", "traceparent");
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(event.id());
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/accord/tests");
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("org.accord.sample.fact-recorded.v1");
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_time")).isEqualTo("2026-11-30T10:15:30.123Z");
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
            assertThat(record.key()).isEqualTo("p-1");
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"proposalId\":\"p-1\",\"projectNumber\":42,\"at\":\"2026-11-30T10:15:30.123Z\"}");

            CloudEvent read = KafkaCloudEvents.fromRecord(record);
            assertThat(read).isEqualTo(event);
            assertThat(read.payload(SampleFact.class)).isEqualTo(new SampleFact("p-1", 42, at));
        }
    }
}
