package org.accord.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The test store's own counter of documents examined: every document the Mongo-wire server
 * matches against a query filter (a full scan examines every document of the collection, an
 * {@code _id} or unique-index lookup only the documents it finds). Tests read it to show that
 * a path costs what it should, whatever the size of the collection.
 */
public final class ExaminedDocuments {

    private static final Map<String, AtomicLong> EXAMINED = new ConcurrentHashMap<>();

    private ExaminedDocuments() {
    }

    /** Documents of {@code database.collection} examined since the JVM started. */
    public static long in(String database, String collection) {
        AtomicLong count = EXAMINED.get(database + "." + collection);
        return count == null ? 0 : count.get();
    }

    /** Documents of every collection of {@code database} examined since the JVM started. */
    public static long in(String database) {
        String prefix = database + ".";
        return EXAMINED.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue().get()).sum();
    }

    static void count(String fullName) {
        EXAMINED.computeIfAbsent(fullName, k -> new AtomicLong()).incrementAndGet();
    }

    /** The memory backend, counting what every query examines. */
    static final class CountingBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new CountingDatabase(databaseName, getCursorRegistry());
        }
    }

    private static final class CountingDatabase extends MemoryDatabase {
        CountingDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new CountingCollection(this, collectionName, options, cursorRegistry);
        }
    }

    private static final class CountingCollection extends MemoryCollection {
        CountingCollection(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            ExaminedDocuments.count(getFullName());
            return super.documentMatchesQuery(document, query);
        }
    }
}
