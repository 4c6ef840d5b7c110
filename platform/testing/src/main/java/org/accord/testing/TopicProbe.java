package org.accord.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the shared broker from its beginning, as an independent consumer, to await
 * the records a test expects. It asserts on what really went through the broker.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, List<String> topics) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    /** A probe on the JVM's shared broker. */
    public static TopicProbe on(String... topics) {
        return new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), List.of(topics));
    }

    public static TopicProbe on(String bootstrapServers, List<String> topics) {
        return new TopicProbe(bootstrapServers, topics);
    }

    /** Waits until a record matching the predicate arrives and returns it. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ConsumerRecord<String, byte[]> record : seen) {
            if (match.test(record)) {
                return record;
            }
        }
        while (Instant.now().isBefore(deadline)) {
            int from = seen.size();
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            for (ConsumerRecord<String, byte[]> record : seen.subList(from, seen.size())) {
                if (match.test(record)) {
                    return record;
                }
            }
        }
        throw new AssertionError("No matching record within " + timeout + "; saw " + seen.size() + " record(s): "
                + seen.stream().map(TopicProbe::describe).toList());
    }

    /** Waits for a record whose {@code ce_type} is the type and whose {@code ce_subject} is the subject. */
    public ConsumerRecord<String, byte[]> awaitEvent(String type, String subject, Duration timeout) {
        return await(r -> type.equals(header(r, "ce_type")) && (subject == null || subject.equals(header(r, "ce_subject"))), timeout);
    }

    /** Keeps polling for the given time and returns every record seen so far that matches. */
    public List<ConsumerRecord<String, byte[]>> collect(Predicate<ConsumerRecord<String, byte[]>> match, Duration quietPeriod) {
        Instant deadline = Instant.now().plus(quietPeriod);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(match).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "/" + record.key() + "/" + header(record, "ce_type");
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
