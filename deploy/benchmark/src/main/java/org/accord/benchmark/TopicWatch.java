package org.accord.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches one event type on its topic, as one more consumer beside the services, and notes for
 * each record key (the proposal id) when the record was sent (its timestamp, set by the
 * sender's producer) and when it arrived here. With the wall-clock time of the action's 2xx and
 * of the consequence, that splits a propagation sample into: the outbox relay (2xx -> sent), the
 * broker (sent -> delivered to a consumer) and the consuming service (delivered -> visible).
 */
public final class TopicWatch implements AutoCloseable {

    /** Wall-clock milliseconds: when the record was sent, and when this consumer had it. */
    public record Seen(long sentMillis, long arrivedMillis) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Thread reader;
    private final String type;
    private volatile boolean running = true;

    public TopicWatch(String bootstrap, EventType<?> eventType) {
        this.type = eventType.name();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "accord-benchmark-watch"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(eventType.topic(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        reader = new Thread(this::read, "accord-benchmark-watch-" + eventType.topic());
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    Header header = record.headers().lastHeader(KafkaCloudEvents.TYPE);
                    if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8)) && record.key() != null) {
                        seen.putIfAbsent(record.key(), new Seen(record.timestamp(), now));
                    }
                }
            }
        } catch (RuntimeException e) {
            // Only a diagnostic: a sample without its breakdown still counts.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** What was seen of the key's event, waiting a little for it: this consumer may be behind the service's. */
    public Seen await(String key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Seen s = seen.get(key);
            if (s != null) {
                return s;
            }
            Accord.sleep(Duration.ofMillis(5));
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
