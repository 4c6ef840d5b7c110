package org.accord.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.accord.events.CloudEvent;
import org.accord.events.EventFactory;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local stack's infrastructure as the launcher runs it: the store and the Kafka broker as
 * processes of their own (on free ports, in a data directory of this test), a CloudEvents record
 * read back by Kafka's own console consumer, documents over the real MongoDB driver, and a stop
 * and restart that keeps both.
 */
class LocalStackIT {

    record ProposalRegistered(String proposalId, String title) {
    }

    static final String TOPIC = "accord.local-stack-it.v1";
    static final EventType<ProposalRegistered> REGISTERED =
            EventType.of("org.accord.proposal.local-stack-registered.v1", TOPIC, ProposalRegistered.class);

    Path root = Path.of(System.getProperty("basedir", ".")).resolve("../..").toAbsolutePath().normalize();
    Path data = Path.of(System.getProperty("basedir", ".")).resolve("target/local-stack-it").toAbsolutePath();
    StackSettings settings;
    List<LocalStack> stacks = new ArrayList<>();
    Map<String, Process> commands = new java.util.LinkedHashMap<>();

    @BeforeEach
    void freshDataDirectory() throws IOException {
        deleteRecursively(data);
        int[] ports = freePorts(3);
        settings = StackSettings.infrastructureOnly(root, data, ports[0], ports[1], ports[2]);
    }

    @AfterEach
    void stopEverything() {
        stacks.forEach(LocalStack::stop);
        commands.values().forEach(Process::destroyForcibly);
        LocalStack.stopRunning(settings, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void shouldKeepDocumentsAndEventsAcrossAStopAndRestartAndServeKafkasConsoleConsumer() throws Exception {
        LocalStack first = start();
        String proposalId = "p-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"))
                    .isIn(1, 1.0);
            proposals(client).insertOne(new Document("_id", proposalId).append("title", "Evaluation of reports"));
        }
        CloudEvent event = new EventFactory("/accord/proposals", Clock.systemUTC())
                .create(REGISTERED, proposalId, new ProposalRegistered(proposalId, "Evaluation of reports"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(KafkaCloudEvents.toRecord(TOPIC, proposalId, event)).get(30, TimeUnit.SECONDS);
        }

        String printed = consoleConsumer(settings.kafkaBootstrapServers(), TOPIC);
        assertThat(printed)
                .contains("ce_id:" + event.id())
                .contains("ce_type:" + REGISTERED.name())
                .contains("ce_specversion:1.0")
                .contains("ce_source:/accord/proposals")
                .contains("ce_subject:" + proposalId)
                .contains("content-type:application/json")
                .contains("\"title\":\"Evaluation of reports\"");

        List<StackProcess> firstRun = first.supervisor().processes();
        assertThat(firstRun).extracting(StackProcess::name).containsExactlyInAnyOrder("store", "kafka");
        String clusterId = Files.readString(data.resolve("kafka/logs/meta.properties"));
        first.stop();
        assertThat(firstRun).noneMatch(StackProcess::alive);
        assertThat(LocalStack.listening(settings.storePort())).isFalse();
        assertThat(LocalStack.listening(settings.kafkaPort())).isFalse();

        LocalStack second = start();
        assertThat(Files.readString(data.resolve("kafka/logs/meta.properties")))
                .as("the storage is formatted once and reused").isEqualTo(clusterId);
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            assertThat(proposals(client).find(new Document("_id", proposalId)).first())
                    .isNotNull()
                    .containsEntry("title", "Evaluation of reports");
        }
        ConsumerRecord<String, byte[]> replayed = firstRecordWithKey(settings.kafkaBootstrapServers(), proposalId);
        assertThat(KafkaCloudEvents.fromRecord(replayed).id()).isEqualTo(event.id());
        assertThat(KafkaCloudEvents.fromRecord(replayed).payload(ProposalRegistered.class).title()).isEqualTo("Evaluation of reports");

        // A fault drill: the broker killed outright and started again alone keeps its log.
        long killedPid = second.process("kafka").orElseThrow().pid();
        second.kill("kafka");
        assertThat(ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(LocalStack.listening(settings.kafkaPort())).isFalse();
        second.start("kafka");
        assertThat(second.process("kafka").orElseThrow().pid()).isNotEqualTo(killedPid);
        assertThat(KafkaCloudEvents.fromRecord(firstRecordWithKey(settings.kafkaBootstrapServers(), proposalId)).id())
                .isEqualTo(event.id());

        // Stopping from "another terminal": through the pid file, not through the launcher object.
        List<StackProcess> secondRun = second.supervisor().processes();
        assertThat(LocalStack.readPidFile(settings.pidFile())).containsKeys("launcher", "store", "kafka");
        assertThat(LocalStack.stopRunning(settings, new PrintStream(new ByteArrayOutputStream()))).isTrue();
        assertThat(secondRun).noneMatch(StackProcess::alive);
        assertThat(settings.pidFile()).doesNotExist();
    }

    @Test
    void shouldRestartOneProcessFromAnotherTerminalKeepingItsDataAndStopEverythingAfterTheLauncherWasKilled() throws Exception {
        assertThat(command("restart-nothing", "restart", "store").waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(commands.get("restart-nothing").exitValue()).as("no stack runs here: nothing to restart").isEqualTo(1);
        assertThat(Files.readString(output("restart-nothing"))).contains("No store was started from");
        assertThat(LocalStack.listening(settings.storePort())).isFalse();

        Process launcher = command("launcher", "start", "--services=none");
        awaitOutput("launcher", "services UP", Duration.ofSeconds(180));
        Map<String, Long> first = LocalStack.readPidFile(settings.pidFile());
        assertThat(first).containsKeys("launcher", "store", "kafka").containsEntry("launcher", launcher.pid());
        String proposalId = "p-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            proposals(client).insertOne(new Document("_id", proposalId).append("title", "Evaluation of reports"));
        }

        assertThat(command("restart-store", "restart", "store").waitFor(120, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> second = LocalStack.readPidFile(settings.pidFile());
        assertThat(exitCode("restart-store")).isZero();
        assertThat(second.get("store")).isNotEqualTo(first.get("store"));
        assertThat(alive(first.get("store"))).as("the store it replaced").isFalse();
        assertThat(alive(second.get("store"))).isTrue();
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            assertThat(proposals(client).find(new Document("_id", proposalId)).first())
                    .as("the restarted store keeps its data").isNotNull().containsEntry("title", "Evaluation of reports");
        }

        // The broker too: now no child of the launcher lives, but the stack does, and so must the launcher.
        assertThat(command("restart-kafka", "restart", "kafka").waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(exitCode("restart-kafka")).isZero();
        Map<String, Long> third = LocalStack.readPidFile(settings.pidFile());
        assertThat(third.get("kafka")).isNotEqualTo(first.get("kafka"));
        assertThat(alive(first.get("kafka"))).isFalse();
        Thread.sleep(3_000);
        assertThat(launcher.isAlive()).as("the launcher stays while processes of its stack live").isTrue();

        launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(alive(third.get("store"))).isTrue();
        assertThat(alive(third.get("kafka"))).isTrue();

        assertThat(command("stop", "stop").waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(exitCode("stop")).isZero();
        java.util.Set<Long> every = new java.util.HashSet<>();
        for (Map<String, Long> pids : List.of(first, second, third)) {
            every.addAll(pids.values());
        }
        assertThat(every).as("no process of the stack is left").noneMatch(LocalStackIT::alive);
        assertThat(settings.pidFile()).doesNotExist();
        assertThat(LocalStack.listening(settings.storePort())).isFalse();
        assertThat(LocalStack.listening(settings.kafkaPort())).isFalse();
    }

    @Test
    void shouldStartAKilledStoreAgainWhenSupervisingAndKeepItsData() throws Exception {
        LocalStack stack = new LocalStack(settings, System.out, true);
        stacks.add(stack);
        stack.startInfrastructure();
        String proposalId = "p-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            proposals(client).insertOne(new Document("_id", proposalId).append("title", "Evaluation of reports"));
        }
        // H2 commits in the background about once a second (the store's durability is not this test's subject).
        Thread.sleep(2_000);
        long killed = stack.process("store").orElseThrow().pid();

        // kill -9 from outside the launcher: nobody told it.
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        Instant deadline = Instant.now().plusSeconds(90);
        Long restarted = null;
        while (Instant.now().isBefore(deadline) && (restarted == null || restarted == killed || !alive(restarted))) {
            Thread.sleep(500);
            restarted = LocalStack.readPidFile(settings.pidFile()).get("store");
        }
        assertThat(restarted).as("a new store process is recorded").isNotNull().isNotEqualTo(killed);
        LocalStack.awaitStore(settings.mongoUri(), Duration.ofSeconds(60), () -> true);
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            assertThat(proposals(client).find(new Document("_id", proposalId)).first()).isNotNull();
        }
        assertThat(alive(stack.process("kafka").orElseThrow().pid())).as("the broker was left alone").isTrue();
    }

    @Test
    void shouldRefuseToStartAStoreOnAPortAnotherProgramHolds() throws Exception {
        try (ServerSocket taken = new ServerSocket(settings.storePort(), 50, java.net.InetAddress.getByName("localhost"))) {
            LocalStack stack = new LocalStack(settings, new PrintStream(new ByteArrayOutputStream()));
            stacks.add(stack);
            org.assertj.core.api.Assertions.assertThatThrownBy(stack::startInfrastructure)
                    .hasMessageContaining("Port " + settings.storePort() + " (store) is taken");
        }
    }

    private LocalStack start() {
        LocalStack stack = new LocalStack(settings, System.out);
        stacks.add(stack);
        stack.startInfrastructure();
        return stack;
    }

    /** The launcher's own command line in a process of its own, as run.sh runs it from another terminal. */
    private Process command(String name, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Supervisor.java(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", Supervisor.classpath(settings.localJar(), settings.kafkaLib().resolve("*")), LocalStack.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output(name).toFile());
        builder.environment().putAll(Map.of("ACCORD_HOME", root.toString(), "ACCORD_DATA", data.toString(),
                "ACCORD_STORE_PORT", Integer.toString(settings.storePort()),
                "ACCORD_KAFKA_PORT", Integer.toString(settings.kafkaPort()),
                "ACCORD_KAFKA_CONTROLLER_PORT", Integer.toString(settings.controllerPort())));
        builder.environment().remove("ACCORD_SUPERVISE");
        Process process = builder.start();
        commands.put(name, process);
        return process;
    }

    private Path output(String name) {
        return data.resolveSibling("local-stack-it-" + name + ".out");
    }

    /** The exit code of the named command, which has ended, with what it printed when it is not 0. */
    private int exitCode(String name) throws IOException {
        int code = commands.get(name).exitValue();
        if (code != 0) {
            System.out.println(Files.readString(output(name)));
        }
        return code;
    }

    private void awaitOutput(String name, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(output(name)) && Files.readString(output(name)).contains(text)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(name + " did not print '" + text + "' within " + timeout + ":\n" + Files.readString(output(name)));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static MongoCollection<Document> proposals(MongoClient client) {
        return client.getDatabase("accord-proposals").getCollection("proposals");
    }

    /** Kafka's own console consumer, from the broker's classpath, printing headers, key and value. */
    private String consoleConsumer(String bootstrapServers, String topic) throws Exception {
        Path output = data.resolve("console-consumer.txt");
        Process process = new ProcessBuilder(Supervisor.java(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", settings.kafkaLib().resolve("*").toString(),
                "org.apache.kafka.tools.consumer.ConsoleConsumer",
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--from-beginning",
                "--max-messages", "1", "--timeout-ms", "60000",
                "--property", "print.headers=true", "--property", "print.key=true")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the console consumer ends after one message").isTrue();
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> firstRecordWithKey(String bootstrapServers, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No record with key " + key + " on " + TOPIC + " after the restart");
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
