package org.accord.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The real Apache Kafka broker as its own process, in KRaft combined mode (broker and
 * controller in one node), with its log dirs under {@code <data>/kafka}. The storage is
 * formatted once; later starts reuse it, so every topic and committed offset survives a restart.
 */
public final class KafkaBroker {

    /** The broker is the hot path of every event: it keeps the full JIT, only its heap is bounded. */
    static final List<String> FLAGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:MaxMetaspaceSize=128m", "-Djava.awt.headless=true");

    private final StackSettings settings;
    private final Path dir;
    private final Path logDir;
    private final Path config;

    public KafkaBroker(StackSettings settings) {
        this.settings = settings;
        this.dir = settings.data().resolve("kafka");
        this.logDir = dir.resolve("logs");
        this.config = dir.resolve("server.properties");
    }

    /** Settings of the single-node KRaft cluster. */
    Map<String, String> serverProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + settings.controllerPort());
        p.put("listeners", "PLAINTEXT://localhost:" + settings.kafkaPort() + ",CONTROLLER://localhost:" + settings.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + settings.kafkaPort());
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The local history is small and worth keeping: a new consumer group can replay all of it.
        p.put("log.retention.ms", "-1");
        p.put("offsets.retention.minutes", "5256000");
        return p;
    }

    /**
     * Writes server.properties (every start, so a changed port or path takes effect) and formats
     * the storage if it never was.
     */
    public void prepare(Supervisor supervisor, Path lib) {
        try {
            Files.createDirectories(logDir);
            StringBuilder text = new StringBuilder("# Written by the Accord local stack at every start.\n");
            serverProperties().forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
            Files.writeString(config, text, StandardCharsets.UTF_8);
            if (!formatted()) {
                String clusterId = supervisor.runToEnd("kafka-format",
                        tool(lib, "kafka.tools.StorageTool", "random-uuid"), Duration.ofMinutes(1)).strip();
                clusterId = clusterId.lines().reduce((a, b) -> b).orElse("").strip();
                supervisor.runToEnd("kafka-format",
                        tool(lib, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
                        Duration.ofMinutes(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    public boolean formatted() {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /** {@code kafka.Kafka server.properties}, shielded from the terminal's SIGINT (see {@link ShieldedMain}). */
    public List<String> command(Path localJar, Path lib, Path log4jConfig) {
        return Supervisor.javaCommand("kafka",
                concat(FLAGS, List.of("-Dlog4j2.configurationFile=" + log4jConfig)),
                List.of("-cp", Supervisor.classpath(localJar, lib.resolve("*")),
                        ShieldedMain.class.getName(), "kafka.Kafka", config.toString()));
    }

    /** Writes the broker's logging configuration next to its data and returns its path. */
    public Path writeLogConfig(Path target) {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-log4j2.properties")) {
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tool(Path lib, String mainClass, String... args) {
        List<String> launch = new ArrayList<>(List.of("-cp", lib.resolve("*").toString(), mainClass));
        launch.addAll(List.of(args));
        return Supervisor.javaCommand("kafka-tool", List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.level=WARN"), launch);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Waits until a broker at the address answers a cluster description with at least one node,
     * i.e. it has registered with its controller and takes records.
     */
    public static void awaitReady(String bootstrapServers, Duration timeout, BooleanSupplier stillRunning) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500))) {
            while (Instant.now().isBefore(deadline)) {
                if (!stillRunning.getAsBoolean()) {
                    throw new IllegalStateException("The Kafka broker exited while starting");
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                sleep(Duration.ofMillis(300));
            }
        }
        throw new IllegalStateException("No Kafka broker answered at " + bootstrapServers + " within " + timeout
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
