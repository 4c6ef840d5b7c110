package org.accord.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.comments.events.CommentEvents;
import org.accord.events.KafkaCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Counts the CommentSubmitted events that really reached accord.comments.v1, per comment period
 * and each comment once (delivery is at least once), read with a plain KafkaConsumer from the
 * topic's end as it was when counting began. It notes when the last one arrived.
 */
public final class PublishedComments implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Period> periods = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private static final class Period {
        final Set<String> comments = new HashSet<>();
        long lastArrival;
        long bytes;
    }

    public record Count(int comments, long lastArrivalNanos, double averageRecordBytes) {
    }

    public PublishedComments(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.CLIENT_ID_CONFIG, "accord-benchmark-comments"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(CommentEvents.SUBMITTED.topic(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end positions now, before any comment of the run is sent.
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        reader = new Thread(this::read, "accord-benchmark-published-comments");
        reader.setDaemon(true);
        reader.start();
    }

    /** Counts the events of this period from now on (call before sending its comments). */
    public void watch(String periodId) {
        periods.putIfAbsent(periodId, new Period());
    }

    private void read() {
        String type = CommentEvents.SUBMITTED.name();
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    Header header = record.headers().lastHeader(KafkaCloudEvents.TYPE);
                    if (header == null || !type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    JsonNode payload = Json.read(record.value());
                    Period period = periods.get(payload.path("periodId").asString());
                    if (period == null) {
                        continue;
                    }
                    long size = record.value().length;
                    for (Header h : record.headers()) {
                        size += h.key().length() + h.value().length;
                    }
                    synchronized (period) {
                        if (period.comments.add(payload.path("commentId").asString())) {
                            period.lastArrival = now;
                            period.bytes += size;
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                failure = e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Waits until {@code expected} comments of the period were seen, or the timeout; answers what was seen. */
    public Count await(String periodId, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Count count = count(periodId);
            if (count.comments() >= expected || System.nanoTime() > deadline) {
                return count;
            }
            if (failure != null) {
                throw new IllegalStateException("Reading accord.comments.v1 failed: " + failure.getMessage(), failure);
            }
            Accord.sleep(Duration.ofMillis(20));
        }
    }

    public Count count(String periodId) {
        Period period = periods.get(periodId);
        synchronized (period) {
            int n = period.comments.size();
            return new Count(n, period.lastArrival, n == 0 ? 0 : (double) period.bytes / n);
        }
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
