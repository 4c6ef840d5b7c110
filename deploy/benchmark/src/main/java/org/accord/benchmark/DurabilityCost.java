package org.accord.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * What durability costs the embedded store: the same writes into two fresh scratch stores of
 * the same build, one as the stack runs it (each answer waits for its commit and sync, shared by
 * concurrent writers) and one with {@code --durability=off} (answers at once, commits in the
 * background once a second, loses up to a second of answered writes to a kill). Single inserts
 * from many writers at once, where group commit matters, and insertMany batches.
 */
public final class DurabilityCost {

    private static final Pattern SYNCS = Pattern.compile("([\\d,]+) writes in ([\\d,]+) syncs");

    private DurabilityCost() {
    }

    public record Mode(String durability, double singleInsertsPerSecond, double bulkDocumentsPerSecond, long writes, long syncs) {
        double writesPerSync() {
            return syncs == 0 ? Double.NaN : (double) writes / syncs;
        }
    }

    public record Comparison(int writers, int singleInserts, int bulkDocuments, Mode durable, Mode off) {
        public String summary() {
            return String.format(Locale.ROOT, "%d writers x %d single inserts of %d B: durable %,.0f/s, durability off %,.0f/s "
                            + "(%.2f of it); insertMany batches of 1,000 (%,d documents): durable %,.0f/s, off %,.0f/s (%.2f); "
                            + "the durable store answered %,d writes with %,d syncs (%.1f writes a sync)",
                    writers, singleInserts / writers, Ingestion.COMMENT_BYTES, durable.singleInsertsPerSecond(),
                    off.singleInsertsPerSecond(), durable.singleInsertsPerSecond() / off.singleInsertsPerSecond(), bulkDocuments,
                    durable.bulkDocumentsPerSecond(), off.bulkDocumentsPerSecond(),
                    durable.bulkDocumentsPerSecond() / off.bulkDocumentsPerSecond(), durable.writes(), durable.syncs(),
                    durable.writesPerSync());
        }
    }

    /**
     * The comparison alone (the full benchmark runs it as part 1e):
     * {@code java -cp deploy/benchmark/target/accord-benchmark.jar org.accord.benchmark.DurabilityCost [writers] [inserts a writer] [batches]}.
     */
    public static void main(String[] args) {
        int writers = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int each = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path root = Path.of("").toAbsolutePath();
        Comparison comparison = measure(root.resolve("deploy/local/target/kafka-lib"), root.resolve("deploy/benchmark/target/work"),
                writers, each, batches);
        System.out.println(java.time.Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores: " + comparison.summary());
    }

    public static Comparison measure(Path kafkaLib, Path work, int writers, int insertsPerWriter, int batches) {
        Mode off = mode("off", kafkaLib, work, writers, insertsPerWriter, batches);
        Mode durable = mode("on", kafkaLib, work, writers, insertsPerWriter, batches);
        return new Comparison(writers, writers * insertsPerWriter, batches * 1000, durable, off);
    }

    private static Mode mode(String durability, Path kafkaLib, Path work, int writers, int insertsPerWriter, int batches) {
        try {
            Files.createDirectories(work);
            Path file = work.resolve("durability-" + durability + "-" + UUID.randomUUID() + ".mv.db");
            Path log = work.resolve("durability-" + durability + ".log");
            int port = freePort();
            Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-cp", kafkaLib.toAbsolutePath() + "/*:" + kafkaLib.toAbsolutePath().getParent()
                    .resolve("accord-local.jar"), "org.accord.local.MongoWireStore", "--port=" + port, "--file=" + file,
                    "--durability=" + durability)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String uri = "mongodb://localhost:" + port;
            double singles;
            double bulk;
            try {
                awaitPing(uri, store);
                singles = singleInserts(uri, writers, insertsPerWriter);
                bulk = RawStore.bulkInsert(uri, batches, 1000, Ingestion.COMMENT_BYTES).documentsPerSecond();
            } finally {
                store.destroy();
                if (!store.waitFor(30, TimeUnit.SECONDS)) {
                    store.destroyForcibly();
                }
                Files.deleteIfExists(file);
            }
            Matcher syncs = SYNCS.matcher(Files.readString(log, StandardCharsets.UTF_8));
            long writes = 0;
            long count = 0;
            if (syncs.find()) {
                writes = Long.parseLong(syncs.group(1).replace(",", ""));
                count = Long.parseLong(syncs.group(2).replace(",", ""));
            }
            return new Mode(durability, singles, bulk, writes, count);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double singleInserts(String uri, int writers, int each) throws InterruptedException {
        try (MongoClient client = client(uri)) {
            MongoCollection<Document> documents = client.getDatabase(RawStore.DATABASE).getCollection("singles");
            String payload = "x".repeat(Ingestion.COMMENT_BYTES - 60);
            documents.insertOne(new Document("_id", "warm-up"));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            documents.insertOne(new Document("_id", writer + "-" + i).append("payload", payload));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(10, TimeUnit.MINUTES);
                }
                double rate = writers * (double) each / ((System.nanoTime() - start) / 1e9);
                if (documents.countDocuments() != (long) writers * each + 1) {
                    throw new IllegalStateException("The store holds " + documents.countDocuments() + " of " + (writers * each + 1));
                }
                return rate;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Single inserts failed", e);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void awaitPing(String uri, Process store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!store.isAlive()) {
                throw new IllegalStateException("The scratch store exited with " + store.exitValue());
            }
            try (MongoClient client = client(uri)) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The scratch store did not answer ping at " + uri + " within 60 s");
    }

    static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(RawStore.WRITE_CONCERN)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
