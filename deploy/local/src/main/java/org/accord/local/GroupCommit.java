package org.accord.local;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * A mongo-java-server backend whose answers wait for the disk: every command that may change
 * a document returns only once the MVStore has committed it and the file has been synced
 * ({@code FileChannel.force}), and every read returns only once everything it could have seen is
 * synced, so no client (an outbox relay above all) acts on a write that a crash could still undo.
 *
 * <p>Group commit: a write takes a sequence number and applies under a shared lock, then waits.
 * One committer thread takes the exclusive lock for as long as {@link MVStore#commit()} needs to
 * write a consistent version (no write is half applied then), releases it, syncs, and wakes every
 * writer up to that version: one fsync answers all writes that arrived meanwhile. mongo-java-server
 * answers on the Netty worker thread that read the request, after {@code handleMessage} returns,
 * so the waiting happens before the reply is sent; {@link MongoWireStore} gives Netty enough
 * worker threads for concurrent requests to share a sync.
 *
 * <p>The MVStore must be opened with auto-commit off ({@link #openFile}): a background commit
 * could persist a write half applied (a document without its unique-index entry).
 */
final class GroupCommit implements MongoBackend {

    /** Commands that read, or only talk about the connection: they never change a document. */
    private static final Set<String> READS = Set.of(
            "find", "count", "distinct", "listcollections", "listindexes", "listdatabases", "getmore",
            "dbstats", "collstats", "validate", "explain");

    private static final Set<String> CONVERSATION = Set.of(
            "ismaster", "hello", "ping", "buildinfo", "whatsmyuri", "serverstatus", "killcursors",
            "endsessions", "getlasterror", "connectionstatus", "hostinfo", "getcmdlineopts",
            "getfreemonitoringstatus", "getlog", "replsetgetstatus", "getparameter", "saslstart",
            "saslcontinue", "logout");

    /** How often a quiet store rewrites sparse chunks (the MVStore's background housekeeping is off). */
    private static final long HOUSEKEEPING_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final MongoBackend backend;
    private final MVStore store;
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    private final Map<String, ReentrantReadWriteLock> collections = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition work = progress.newCondition();
    private final Condition synced = progress.newCondition();
    private final Thread committer;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private volatile long durable;
    private volatile MongoServerException failure;
    private volatile boolean closing;

    GroupCommit(MongoBackend backend, MVStore store) {
        this.backend = backend;
        this.store = store;
        this.committer = new Thread(this::commitLoop, "store-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Opens the MVStore file with no background commit and no commit forced by unsaved memory. */
    static MVStore openFile(String file) {
        return new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0).open();
    }

    /** Number of syncs so far and of writes they covered (for the log and the durability comparison). */
    String statistics() {
        long c = commits.get();
        return String.format(Locale.ROOT, "%,d writes in %,d syncs (%.1f a sync)", writes.get(), c,
                c == 0 ? 0.0 : (double) writes.get() / c);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().iterator().next();
        return answer(message.getDatabaseName(), command, message.getDocument(), () -> backend.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return answer(databaseName, command, query, () -> backend.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        QueryResult result = query(query.getFullCollectionName(), () -> backend.handleQuery(query));
        awaitDurable(issued.get());
        return result;
    }

    private Document answer(String database, String command, Document query, Supplier<Document> execution) {
        String name = command.toLowerCase(Locale.ROOT);
        if (CONVERSATION.contains(name)) {
            return execution.get();
        }
        String collection = database + "." + collectionOf(name, command, query);
        if (READS.contains(name) || name.equals("aggregate") && !writesOut(query)) {
            return read(collection, execution);
        }
        return write(collection, execution);
    }

    /** The collection a command works on: the value of its first key for most, {@code collection} for getMore. */
    private static String collectionOf(String name, String command, Document query) {
        Object target = name.equals("getmore") ? query.get("collection") : query.get(command);
        return target instanceof String s ? s : "";
    }

    /**
     * Runs a read under its collection's lock (writes take it exclusively) and copies the answer
     * before the lock is released. mongo-java-server answers with the stored document objects
     * themselves and updates them in place: without the copy, a reply serialised while another
     * update runs can carry that update's values (two findAndModify {@code $inc} answered the same
     * number) or a document half updated.
     */
    private <T> T query(String collection, Supplier<T> execution) {
        ReentrantReadWriteLock lock = collections.computeIfAbsent(collection, c -> new ReentrantReadWriteLock());
        lock.readLock().lock();
        try {
            return copied(execution.get());
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean writesOut(Document aggregate) {
        Object pipeline = aggregate.get("pipeline");
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> T copied(T result) {
        if (result instanceof Document d) {
            return (T) d.cloneDeeply();
        }
        if (result instanceof QueryResult q) {
            return (T) new QueryResult(q.collectDocuments().stream().map(Document::cloneDeeply).toList(), q.getCursorId());
        }
        return result;
    }

    private <T> T read(String collection, Supplier<T> execution) {
        T result = query(collection, execution);
        // Everything this read could have seen had its number before the read ended.
        awaitDurable(issued.get());
        return result;
    }

    /**
     * The collection's lock first, then the shared lock the committer excludes: a write waiting
     * for a collection (behind a long scan) holds nothing that keeps the committer, and so the
     * writes of every other collection, waiting.
     */
    private <T> T write(String collection, Supplier<T> execution) {
        long sequence;
        T result;
        ReentrantReadWriteLock lock = collections.computeIfAbsent(collection, c -> new ReentrantReadWriteLock());
        lock.writeLock().lock();
        try {
            applying.readLock().lock();
            try {
                sequence = issued.incrementAndGet();
                result = copied(execution.get());
            } finally {
                applying.readLock().unlock();
            }
        } finally {
            lock.writeLock().unlock();
            signalWork();
        }
        awaitDurable(sequence);
        return result;
    }

    private void signalWork() {
        progress.lock();
        try {
            work.signal();
        } finally {
            progress.unlock();
        }
    }

    private void awaitDurable(long sequence) {
        if (durable >= sequence) {
            return;
        }
        progress.lock();
        try {
            while (durable < sequence) {
                MongoServerException broken = failure;
                if (broken != null) {
                    throw broken;
                }
                synced.awaitUninterruptibly();
            }
        } finally {
            progress.unlock();
        }
    }

    private void commitLoop() {
        long lastHousekeeping = System.nanoTime();
        while (true) {
            progress.lock();
            try {
                while (issued.get() == durable && !closing) {
                    work.awaitNanos(TimeUnit.SECONDS.toNanos(1));
                    if (issued.get() == durable && System.nanoTime() - lastHousekeeping > HOUSEKEEPING_NANOS) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                progress.unlock();
            }
            if (closing && issued.get() == durable) {
                return;
            }
            long upTo;
            try {
                applying.writeLock().lock();
                try {
                    upTo = issued.get();
                    if (upTo == durable && System.nanoTime() - lastHousekeeping > HOUSEKEEPING_NANOS) {
                        store.compact(50, 4 << 20);
                        lastHousekeeping = System.nanoTime();
                    }
                    store.commit();
                } finally {
                    applying.writeLock().unlock();
                }
                store.sync();
            } catch (RuntimeException e) {
                // The file cannot be written: answer every waiting write with an error, never with ok.
                failure = new MongoServerException("The store could not write its file: " + e.getMessage(), e);
                progress.lock();
                try {
                    synced.signalAll();
                } finally {
                    progress.unlock();
                }
                return;
            }
            if (upTo > durable) {
                commits.incrementAndGet();
                writes.addAndGet(upTo - durable);
            }
            progress.lock();
            try {
                durable = upTo;
                synced.signalAll();
            } finally {
                progress.unlock();
            }
        }
    }

    /** Commits and syncs what is applied, stops the committer, then closes the backend and the file. */
    @Override
    public void close() {
        closing = true;
        signalWork();
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        applying.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.commit();
                store.sync();
            }
            // H2Backend.close() closes the MVStore file too.
            backend.close();
        } finally {
            applying.writeLock().unlock();
        }
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String databaseName) {
        write(databaseName + ".", () -> {
            backend.dropDatabase(databaseName);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }

    @Override
    public String toString() {
        return "GroupCommit[" + backend + "]";
    }
}
