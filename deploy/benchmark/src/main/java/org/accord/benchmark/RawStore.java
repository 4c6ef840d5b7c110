package org.accord.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The store's own write rate, with nothing of Accord in between: the MongoDB Java driver
 * inserting 1 KB documents, a thousand to an {@code insertMany}, into a scratch database of the
 * same store the services use (dropped afterwards), acknowledged with the services' write concern
 * (majority, journaled), so with the same durability as theirs.
 */
public final class RawStore {

    public static final String DATABASE = "accord-benchmark-raw";
    /** What the services ask for (StoreDurability): on the embedded store every acknowledged write is synced anyway. */
    public static final WriteConcern WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);

    private RawStore() {
    }

    public record InsertRun(int documents, int batchSize, int documentBytes, double documentsPerSecond, double seconds) {
    }

    public static InsertRun bulkInsert(String uri, int batches, int batchSize, int documentBytes) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(WRITE_CONCERN)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.readTimeout(120, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> collection = database.getCollection("documents-" + UUID.randomUUID());
            String payload = "x".repeat(Math.max(0, documentBytes - 60));
            try {
                // One batch first, not counted: connection, collection creation, the JIT.
                collection.insertMany(batch(-1, batchSize, payload));
                long start = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    collection.insertMany(batch(b, batchSize, payload));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long stored = collection.countDocuments();
                if (stored != (long) (batches + 1) * batchSize) {
                    throw new IllegalStateException("The store holds " + stored + " of " + (batches + 1) * batchSize + " documents inserted");
                }
                return new InsertRun(batches * batchSize, batchSize, documentBytes, batches * batchSize / seconds, seconds);
            } finally {
                collection.drop();
                database.drop();
            }
        }
    }

    /**
     * Times, on every collection of the store, the query each service's outbox relay sends on
     * every sweep (documents with a pending outbox event) and lists those slower than
     * {@code slowerThanMillis}: a read-only look that says which sweep keeps the store busy.
     */
    public static List<String> slowOutboxSweeps(String uri, long slowerThanMillis) {
        List<String> slow = new ArrayList<>();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            for (String name : client.listDatabaseNames()) {
                if (!name.startsWith("accord-") || name.equals(DATABASE)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    MongoCollection<Document> documents = database.getCollection(collection);
                    long start = System.nanoTime();
                    int found = 0;
                    // The relay's sweep: the register of pending outboxes (sparse unique index pending_outbox).
                    for (Document ignored : documents.find(new Document("pendingOutbox", new org.bson.BsonRegularExpression("^")))
                            .projection(new Document("_id", 1)).limit(200)) {
                        found++;
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (millis >= slowerThanMillis) {
                        slow.add(String.format(java.util.Locale.ROOT, "%s.%s (%,d documents): %,d ms, %d pending", name, collection,
                                documents.countDocuments(), millis, found));
                    }
                }
            }
        }
        return slow;
    }

    private static List<Document> batch(int b, int size, String payload) {
        List<Document> documents = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            documents.add(new Document("batch", b).append("n", i).append("payload", payload));
        }
        return documents;
    }
}
