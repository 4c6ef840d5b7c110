package org.accord.local;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The local stack's document store: mongo-java-server speaking the MongoDB wire protocol, kept
 * in one H2 MVStore file. It serves one machine; production runs on MongoDB.
 *
 * <p>An answer means it is on disk: the store acknowledges a write only once it is committed to
 * the file and synced, and answers a read only once everything it could have seen is synced
 * ({@link GroupCommit}: concurrent writes share one sync). A {@code kill -9} at any moment
 * loses nothing that was answered; the MVStore's own background commit (once a second) is off.
 * Stopping with SIGTERM/SIGINT commits, syncs and closes the file.
 *
 * <p>The oplog stays off: Accord needs no change streams, and it would make every write 3-5
 * times slower.
 *
 * <p>Usage: {@code MongoWireStore --file=<path> [--port=27017] [--host=localhost] [--durability=off]};
 * {@code --durability=off} brings back mongo-java-server's own behaviour (answer at once, commit in
 * the background once a second) and exists only so the benchmark can state what durability costs.
 */
public final class MongoWireStore {

    private static final int WORKER_THREADS = 64;

    private MongoWireStore() {
    }

    public static void main(String[] args) throws Exception {
        String host = "localhost";
        boolean durable = true;
        int port = StackSettings.STORE_PORT;
        Path file = null;
        for (String arg : args) {
            if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--file=")) {
                file = Path.of(arg.substring("--file=".length())).toAbsolutePath();
            } else if (arg.equals("--durability=off")) {
                durable = false;
            } else if (arg.equals("--durability=on")) {
                durable = true;
            } else {
                System.err.println("Unknown argument " + arg
                        + "; usage: MongoWireStore --file=<path> [--port=N] [--host=H] [--durability=on|off]");
                System.exit(2);
            }
        }
        if (file == null) {
            System.err.println("--file=<path> is required: the H2 file that keeps the documents");
            System.exit(2);
        }
        Path documents = file;
        Files.createDirectories(documents.getParent());

        GroupCommit groupCommit = null;
        MongoBackend backend;
        if (durable) {
            MVStore mvStore = GroupCommit.openFile(documents.toString());
            groupCommit = new GroupCommit(new H2Backend(mvStore), mvStore);
            backend = groupCommit;
        } else {
            backend = new H2Backend(documents.toString());
        }
        MongoServer server = new MongoServer(backend);
        // A request waits for its sync on the Netty worker that read it: enough workers let many
        // connections wait for (and share) one sync.
        server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
        System.out.println("Mongo-wire store listening on " + host + ":" + port + ", documents in " + documents
                + (durable ? " (durable: each answer waits for its sync)" : " (durability off: commits once a second)"));
        GroupCommit statistics = groupCommit;

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Mongo-wire store closing " + documents
                    + (statistics == null ? "" : ": " + statistics.statistics()));
            server.shutdownNow();
            stopped.countDown();
        }, "store-shutdown"));
        stopped.await();
    }
}
