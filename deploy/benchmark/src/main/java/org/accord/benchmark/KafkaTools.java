package org.accord.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own benchmark tools, run as processes against the same broker from the classpath
 * deploy/local builds (target/kafka-lib): {@code ProducerPerformance} and {@code EndToEndLatency}.
 * Each run uses a topic of its own with one partition (one proposal's events share a partition
 * in Accord too), deleted afterwards so the broker's kept-forever logs do not grow.
 */
public final class KafkaTools {

    /** The heap and collector kafka-run-class.sh gives the tools by default. */
    public static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final Pattern E2E_AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    private final Path kafkaLib;
    private final String bootstrap;
    private final Path work;

    public KafkaTools(Path kafkaLib, String bootstrap, Path work) {
        this.kafkaLib = kafkaLib;
        this.bootstrap = bootstrap;
        this.work = work;
    }

    public record ProducerRun(int records, int recordSize, double recordsPerSecond, double mbPerSecond, double avgLatencyMs,
                              double p50, double p95, double p99, double p999, String summary) {
    }

    public record EndToEndRun(int records, int recordSize, double avgMs, double p50, double p99, double p999) {
    }

    public boolean available() {
        return Files.isDirectory(kafkaLib);
    }

    /** {@code ProducerPerformance}: as fast as it can, acks=all, the producer's defaults otherwise. */
    public ProducerRun producerPerformance(int records, int recordSize) {
        String topic = "accord.benchmark.producer-" + System.currentTimeMillis();
        createTopic(topic);
        try {
            String output = run("producer-performance", "org.apache.kafka.tools.ProducerPerformance",
                    "--topic", topic, "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
                    "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
            return parseProducer(output, records, recordSize);
        } finally {
            deleteTopic(topic);
        }
    }

    /** {@code EndToEndLatency}: one record at a time, produced with acks=all and consumed, round after round. */
    public EndToEndRun endToEndLatency(int records, int recordSize) {
        String topic = "accord.benchmark.e2e-" + System.currentTimeMillis();
        createTopic(topic);
        try {
            String output = run("end-to-end-latency", "org.apache.kafka.tools.EndToEndLatency",
                    bootstrap, topic, Integer.toString(records), "all", Integer.toString(recordSize));
            return parseEndToEnd(output, records, recordSize);
        } finally {
            deleteTopic(topic);
        }
    }

    static ProducerRun parseProducer(String output, int records, int recordSize) {
        MatchResult last = null;
        Matcher m = PRODUCER_SUMMARY.matcher(output);
        while (m.find()) {
            last = m.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary: " + Http.abbreviated(output, 800));
        }
        return new ProducerRun(records, recordSize, Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
                Double.parseDouble(last.group(4)), Double.parseDouble(last.group(6)), Double.parseDouble(last.group(7)),
                Double.parseDouble(last.group(8)), Double.parseDouble(last.group(9)), last.group());
    }

    static EndToEndRun parseEndToEnd(String output, int records, int recordSize) {
        Matcher avg = E2E_AVERAGE.matcher(output);
        Matcher pct = E2E_PERCENTILES.matcher(output);
        if (!avg.find() || !pct.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles: " + Http.abbreviated(output, 800));
        }
        return new EndToEndRun(records, recordSize, Double.parseDouble(avg.group(1)), Double.parseDouble(pct.group(1)),
                Double.parseDouble(pct.group(2)), Double.parseDouble(pct.group(3)));
    }

    private String run(String name, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(kafkaLib.toAbsolutePath() + "/*");
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Files.createDirectories(work);
            Path log = work.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within 10 minutes; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + ": " + Http.abbreviated(output, 800));
            }
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000));
    }

    private void createTopic(String topic) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private void deleteTopic(String topic) {
        try (Admin admin = admin()) {
            admin.deleteTopics(Set.of(topic)).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.out.println("    (could not delete benchmark topic " + topic + ": " + e.getMessage() + ")");
        }
    }
}
