package org.accord.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local stack's document store: mongo-java-server speaking the MongoDB wire protocol, kept
 * in one H2 MVStore file. It serves one machine; production runs on MongoDB.
 *
 * <p>The oplog stays off: Accord needs no change streams, and it would make every write 3-5
 * times slower. Stopping with SIGTERM/SIGINT closes the file cleanly; a hard kill may lose the
 * last second of writes (the MVStore commits in the background once a second).
 *
 * <p>Usage: {@code MongoWireStore --file=<path> [--port=27017] [--host=localhost]}
 */
public final class MongoWireStore {

    private MongoWireStore() {
    }

    public static void main(String[] args) throws Exception {
        String host = "localhost";
        int port = StackSettings.STORE_PORT;
        Path file = null;
        for (String arg : args) {
            if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--file=")) {
                file = Path.of(arg.substring("--file=".length())).toAbsolutePath();
            } else {
                System.err.println("Unknown argument " + arg + "; usage: MongoWireStore --file=<path> [--port=N] [--host=H]");
                System.exit(2);
            }
        }
        if (file == null) {
            System.err.println("--file=<path> is required: the H2 file that keeps the documents");
            System.exit(2);
        }
        Path documents = file;
        Files.createDirectories(documents.getParent());

        MongoServer server = new MongoServer(new H2Backend(documents.toString()));
        server.bind(host, port);
        System.out.println("Mongo-wire store listening on " + host + ":" + port + ", documents in " + documents);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Mongo-wire store closing " + documents);
            server.shutdownNow();
            stopped.countDown();
        }, "store-shutdown"));
        stopped.await();
    }
}
