package org.accord.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store as a real child process, written to by concurrent clients over the real MongoDB
 * driver and killed with SIGKILL ({@code Process.destroyForcibly}) at random moments, then
 * started again on the same file: every write it had answered is there, and a counter it handed
 * out (the way project numbers are) never goes backwards.
 */
class MongoWireStoreKillIT {

    static final int KILLS = 10;
    static final int WRITERS = 12;

    Path data = Path.of(System.getProperty("basedir", ".")).resolve("target/store-kill-it").toAbsolutePath();

    @BeforeEach
    void freshDataDirectory() throws IOException {
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(data);
    }

    @Test
    void shouldKeepEveryAnsweredWriteAndNeverReissueACounterAcrossKillsAtRandomMoments() throws Exception {
        Path file = data.resolve("accord.mv.db");
        int port = freePort();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        AtomicLong highestNumber = new AtomicLong();
        AtomicLong duplicateNumbers = new AtomicLong();
        int rounds = 0;
        long writesAnswered = 0;
        Process store = startStore(file, port, "--durability=on");
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                AtomicBoolean killed = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                AtomicLong answeredThisRound = new AtomicLong();
                try (MongoClient client = client(port)) {
                    MongoCollection<Document> documents = client.getDatabase("accord-kill").getCollection("documents");
                    MongoCollection<Document> counters = client.getDatabase("accord-kill").getCollection("counters");
                    int round = kill;
                    for (int w = 0; w < WRITERS; w++) {
                        int writer = w;
                        writers.submit(() -> {
                            for (int i = 0; !killed.get(); i++) {
                                String id = round + "-" + writer + "-" + i;
                                try {
                                    if (i % 3 == 0) {
                                        Document next = counters.findOneAndUpdate(new Document("_id", "project-number"),
                                                Updates.inc("value", 1L),
                                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                                        long number = next.getLong("value");
                                        if (!numbers.add(number)) {
                                            duplicateNumbers.incrementAndGet();
                                        }
                                        highestNumber.accumulateAndGet(number, Math::max);
                                    } else {
                                        documents.insertOne(new Document("_id", id).append("payload", "x".repeat(512)));
                                        answered.add(id);
                                    }
                                    answeredThisRound.incrementAndGet();
                                } catch (RuntimeException storeGone) {
                                    return;
                                }
                            }
                        });
                    }
                    // Writes are under way (the first ones of a round wait for connections), then a random moment.
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (answeredThisRound.get() < 30 && System.nanoTime() < until) {
                        Thread.sleep(10);
                    }
                    Thread.sleep(ThreadLocalRandom.current().nextLong(0, 700));
                    store.destroyForcibly();
                    killed.set(true);
                    // Gone for good (its port closed) before the next one starts on the same file and port.
                    assertThat(store.waitFor(60, TimeUnit.SECONDS)).as("the killed store ended").isTrue();
                } finally {
                    writers.shutdownNow();
                    writers.awaitTermination(20, TimeUnit.SECONDS);
                }
                writesAnswered += answeredThisRound.get();
                rounds++;

                // Started again on the same file: it answers the checks, then the next round's writers.
                store = startStore(file, port, "--durability=on");
                try (MongoClient client = client(port)) {
                    Set<String> present = new HashSet<>();
                    for (Document d : client.getDatabase("accord-kill").getCollection("documents").find()) {
                        present.add(d.getString("_id"));
                    }
                    Set<String> lost = new HashSet<>(answered);
                    lost.removeAll(present);
                    assertThat(lost).as("answered inserts missing after kill %d", kill + 1).isEmpty();
                    Document counter = client.getDatabase("accord-kill").getCollection("counters")
                            .find(new Document("_id", "project-number")).first();
                    long kept = counter == null ? 0 : counter.getLong("value");
                    assertThat(kept).as("the counter after kill %d (%d writes answered this round)", kill + 1, answeredThisRound.get())
                            .isGreaterThanOrEqualTo(highestNumber.get());
                }
            }
        } finally {
            store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(duplicateNumbers.get()).as("counter values handed out twice").isZero();
        assertThat(rounds).isEqualTo(KILLS);
        assertThat(writesAnswered).as("writes answered before the kills").isGreaterThanOrEqualTo(KILLS * 30L);
        System.out.printf(Locale.ROOT, "%d kills, %,d answered writes, %,d answered inserts all present, counter at %d%n",
                KILLS, writesAnswered, answered.size(), highestNumber.get());
    }

    @Test
    void shouldCommitWhatItAnsweredOnACleanStop() throws Exception {
        Path file = data.resolve("clean.mv.db");
        int port = freePort();
        Process store = startStore(file, port, "--durability=on");
        try (MongoClient client = client(port)) {
            client.getDatabase("accord-kill").getCollection("clean").insertOne(new Document("_id", "kept"));
        }
        store.destroy();
        assertThat(store.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Process again = startStore(file, port, "--durability=on");
        try (MongoClient client = client(port)) {
            assertThat(client.getDatabase("accord-kill").getCollection("clean").find(new Document("_id", "kept")).first())
                    .isNotNull();
        } finally {
            again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Many writers at once share syncs: the same load against the same store with and without
     * durability, printed for the record (the benchmark states the figures; this only checks that
     * group commit answers concurrent writers far faster than one sync each would).
     */
    @Test
    void shouldShareOneSyncAmongConcurrentWriters() throws Exception {
        int port = freePort();
        List<String> lines = new ArrayList<>();
        double durable = 0;
        for (String durability : List.of("--durability=off", "--durability=on")) {
            Process store = startStore(data.resolve("rate" + durability.substring(13) + ".mv.db"), port, durability);
            try (MongoClient client = client(port)) {
                MongoCollection<Document> documents = client.getDatabase("accord-kill").getCollection("rate");
                documents.insertOne(new Document("_id", "warm-up"));
                long rate = insertsPerSecond(documents, 32, 40);
                lines.add(durability + ": " + rate + " single inserts/s with 32 writers");
                if (durability.endsWith("on")) {
                    durable = rate;
                }
            } finally {
                store.destroy();
                store.waitFor(20, TimeUnit.SECONDS);
            }
            String log = Files.readString(data.resolve("store" + port + ".log"));
            lines.add(log.lines().filter(l -> l.contains("syncs")).findFirst().orElse(""));
        }
        lines.forEach(System.out::println);
        String statistics = lines.get(3);
        assertThat(statistics).contains(" writes in ");
        double perSync = Double.parseDouble(statistics.replaceAll(".*\\(([0-9.]+) a sync\\).*", "$1"));
        assertThat(perSync).as("writes answered by one sync, 32 writers").isGreaterThan(1.5);
        assertThat(durable).isPositive();
    }

    private static long insertsPerSecond(MongoCollection<Document> documents, int writers, int perWriter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    documents.insertOne(new Document("_id", writer + "-" + i).append("payload", "x".repeat(512)));
                }
            }));
        }
        for (var f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return Math.round(writers * perWriter / seconds);
    }

    private Process startStore(Path file, int port, String durability) throws Exception {
        Path log = data.resolve("store" + port + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MongoWireStore.class.getName(), "--port=" + port, "--file=" + file, durability)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalStack.awaitStore("mongodb://localhost:" + port, java.time.Duration.ofSeconds(120), process::isAlive);
        return process;
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port
                        + "/?w=majority&journal=true&readConcernLevel=majority&retryWrites=false"))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.readTimeout(30, TimeUnit.SECONDS))
                .applyToConnectionPoolSettings(b -> b.maxWaitTime(5, TimeUnit.SECONDS))
                .build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
