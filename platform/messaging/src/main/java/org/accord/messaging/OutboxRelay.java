package org.accord.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.events.KafkaCloudEvents;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes the events waiting in aggregate documents' outboxes to Kafka, at least once and in
 * order per aggregate, then removes them from the documents.
 * <p>
 * A write wakes the relay for the one document it wrote ({@link #wake(String, Object)}): the
 * relay reads that document by {@code _id}, sends its events in order and removes them by write
 * version. Drains of one document never overlap: a wake that arrives while the document is being
 * drained makes the drain run once more afterwards, so two quick writes neither reorder nor skip.
 * <p>
 * A document with pending events carries its own id in {@code pendingOutbox}, set in the same
 * write as the events and unset when its outbox is emptied. A sparse unique index on that field
 * is the register of pending outboxes: the periodic sweep (at start, then every
 * {@code accord.outbox.sweep-interval}) asks it which documents still hold events, so it finds
 * what a crash or a failed publish left behind while examining only those documents — on MongoDB
 * and on the embedded store alike (which serves unique indexes, and a regex on one by iterating
 * the index entries: here, only the pending ones). A re-publication carries the same event id,
 * which idempotent consumers recognise.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Pending documents the sweep takes from the register at a time. */
    static final int PAGE_SIZE = 200;
    static final String PENDING_INDEX = "pending_outbox";
    static final String GUARD_INDEX = "version_guard";
    /** What {@link #drain} emits when publishing failed. */
    static final long FAILED = -1;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sweepInterval;
    private final EventMetrics metrics;
    private final Set<String> collections = new CopyOnWriteArraySet<>();
    private final Set<ParentSlots> slotted = new CopyOnWriteArraySet<>();
    private final StoreMigrations migrations;
    private final ConcurrentHashMap<Pending, Drain> drains = new ConcurrentHashMap<>();
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    private Disposable sweeper;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Duration sweepInterval,
                       EventMetrics metrics, MeterRegistry registry) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.sweepInterval = sweepInterval;
        this.metrics = metrics;
        this.migrations = new StoreMigrations(mongo);
        io.micrometer.core.instrument.Gauge.builder("accord.outbox.backlog", backlog, Number::doubleValue)
                .description("Events written to an outbox and not yet acknowledged by the broker").register(registry);
    }

    /** Adds a collection whose documents carry an outbox. */
    public void register(String collection) {
        collections.add(collection);
    }

    /** Adds a collection whose aggregates are kept under a parent: its slot index is ensured and filled at start. */
    void register(ParentSlots slots) {
        slotted.add(slots);
    }

    /**
     * Asks for the outbox of one document to be published soon; cheap and safe to call from any
     * thread, as often as wanted.
     */
    public void wake(String collection, Object documentId) {
        drain(new Pending(collection, documentId)).subscribe();
    }

    /** Documents the last sweep found with pending events and could not empty. */
    public long backlog() {
        return backlog.get();
    }

    /**
     * Drains one document, or joins the drain under way (which then runs once more): emits the
     * number of events this drain published once the document's outbox holds nothing older than
     * the call, or {@link #FAILED} if publishing failed (the document stays in the register for the sweep).
     */
    Mono<Long> drain(Pending pending) {
        if (!running) {
            return Mono.just(0L);
        }
        Drain fresh = new Drain();
        Drain current = drains.compute(pending, (key, existing) -> {
            if (existing == null) {
                return fresh;
            }
            existing.again = true;
            return existing;
        });
        if (current == fresh) {
            run(pending, fresh);
        }
        return current.done.asMono();
    }

    private void run(Pending pending, Drain drain) {
        drainDocument(pending)
                .doOnSubscribe(s -> drain.failed = false)
                .doOnNext(drain.published::addAndGet)
                .doOnError(e -> drain.failed = true)
                .doOnError(e -> log.warn("Could not publish the outbox of {}/{}; the sweep retries: {}",
                        pending.collection(), pending.id(), e.toString()))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> {
                    Drain next = drains.compute(pending, (key, existing) -> {
                        if (existing != null && existing.again && running) {
                            existing.again = false;
                            return existing;
                        }
                        return null;
                    });
                    if (next != null) {
                        run(pending, next);
                    } else {
                        drain.done.tryEmitValue(drain.failed ? FAILED : drain.published.get());
                    }
                })
                .subscribe();
    }

    /**
     * Reads the document by {@code _id} and publishes its outbox. The read is the relay's one read
     * of aggregate documents besides the sweep's register query (a read concern, if one is wanted,
     * goes on this query).
     */
    private Mono<Long> drainDocument(Pending pending) {
        Query byId = Query.query(Criteria.where("_id").is(pending.id()));
        byId.fields().include(AggregateStore.OUTBOX, AggregateStore.VERSION, AggregateStore.PENDING);
        return mongo.findOne(byId, Document.class, pending.collection())
                .flatMap(doc -> {
                    List<Document> outbox = outbox(doc);
                    long version = ((Number) doc.get(AggregateStore.VERSION)).longValue();
                    if (outbox.isEmpty()) {
                        // A write without events since the last drain left the marker behind: clear it.
                        return doc.containsKey(AggregateStore.PENDING)
                                ? clearMarker(pending, version).thenReturn(0L) : Mono.just(0L);
                    }
                    return publish(pending, outbox);
                });
    }

    /**
     * Sends every event of the document in order without waiting in between (the idempotent
     * producer keeps them in order per partition), then removes those that Kafka acknowledged.
     */
    private Mono<Long> publish(Pending pending, List<Document> outbox) {
        List<CompletableFuture<?>> sends = new ArrayList<>(outbox.size());
        long upToVersion = 0;
        for (Document stored : outbox) {
            OutgoingEvent event = OutboxDocuments.fromDocument(stored);
            sends.add(kafka.send(KafkaCloudEvents.toRecord(event.topic(), event.key(), event.event()))
                    .thenRun(() -> metrics.published(event.event(), Instant.now())));
            upToVersion = Math.max(upToVersion, ((Number) stored.getOrDefault(OutboxDocuments.WRITE_VERSION, 0L)).longValue());
        }
        long published = upToVersion;
        return Mono.fromFuture(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)))
                .then(Mono.defer(() -> removePublished(pending.collection(), pending.id(), published)))
                .flatMap(emptied -> emptied ? Mono.just((long) outbox.size())
                        // A newer write appended events meanwhile: its wake, or this next pass, publishes them.
                        : drainDocument(pending).map(more -> more + outbox.size()));
    }

    /**
     * Removes the published events: every event appended by a write up to the given aggregate
     * version. If no write came since, the outbox is emptied and the document leaves the register
     * in one version-guarded write; otherwise only the published events are pulled (one condition
     * per entry keeps this linear even for a document with a thousand events) and the newer ones
     * stay. Emits whether the outbox is now empty.
     */
    protected Mono<Boolean> removePublished(String collection, Object documentId, long upToVersion) {
        Query unchanged = Query.query(Criteria.where("_id").is(documentId).and(AggregateStore.VERSION).is(upToVersion));
        Update empty = new Update().set(AggregateStore.OUTBOX, List.of()).unset(AggregateStore.PENDING);
        Update pull = new Update().pull(AggregateStore.OUTBOX,
                new Document(OutboxDocuments.WRITE_VERSION, new Document("$lte", upToVersion)));
        return mongo.updateFirst(unchanged, empty, collection)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(true)
                        : mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)), pull, collection).thenReturn(false));
    }

    private Mono<Void> clearMarker(Pending pending, long version) {
        // Unchanged since it was read with an empty outbox; a newer write sets the marker again.
        Query unchanged = Query.query(Criteria.where("_id").is(pending.id()).and(AggregateStore.VERSION).is(version));
        return mongo.updateFirst(unchanged, new Update().unset(AggregateStore.PENDING), pending.collection()).then();
    }

    /**
     * One pass over the register of pending outboxes of every collection: drains each document
     * found, a page at a time. Emits how many events were published.
     */
    Mono<Long> sweep() {
        AtomicLong left = new AtomicLong();
        return Flux.fromIterable(collections)
                .concatMap(collection -> sweep(collection, left))
                .reduce(0L, Long::sum)
                .doOnNext(published -> backlog.set(left.get()));
    }

    private Mono<Long> sweep(String collection, AtomicLong left) {
        Query register = Query.query(Criteria.where(AggregateStore.PENDING).regex("^")).limit(PAGE_SIZE);
        register.fields().include("_id");
        return mongo.find(register, Document.class, collection).map(doc -> doc.get("_id")).collectList()
                .flatMap(ids -> Flux.fromIterable(ids)
                        .concatMap(id -> drain(new Pending(collection, id)).map(published -> new Drained(id, published)))
                        .collectList()
                        .flatMap(drained -> {
                            long published = drained.stream().mapToLong(Drained::published).filter(n -> n > 0).sum();
                            // Another page only if this one was full and made progress: a failing broker ends the pass.
                            if (ids.size() == PAGE_SIZE && published > 0) {
                                return sweep(collection, left).map(more -> more + published);
                            }
                            left.addAndGet(drained.stream().filter(d -> d.published() == FAILED).count());
                            return Mono.just(published);
                        }));
    }

    /**
     * The indexes every outbox collection needs: the register of pending outboxes, and a unique
     * index on {@code _id} + {@code version} so the embedded store, which answers a filter on
     * more fields than an index has by reading every document, serves the version-guarded writes
     * by index too (on MongoDB the {@code _id} index serves them; this one costs an entry per
     * document).
     */
    Flux<String> ensureIndexes() {
        return Flux.fromIterable(collections).concatMap(collection -> Flux.concat(
                mongo.indexOps(collection).createIndex(new Index().on(AggregateStore.PENDING, Sort.Direction.ASC)
                        .unique().sparse().named(PENDING_INDEX)),
                mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC)
                        .on(AggregateStore.VERSION, Sort.Direction.ASC).unique().named(GUARD_INDEX))))
                .concatWith(Flux.fromIterable(slotted).concatMap(ParentSlots::ensureIndex));
    }

    /**
     * The one-off migrations of documents an earlier version stored ({@link StoreMigrations}):
     * outboxes without the {@code pendingOutbox} marker get it (so the first sweep drains them),
     * aggregates kept under a parent without a slot get one.
     */
    Mono<Long> migrate() {
        return Flux.fromIterable(collections)
                .concatMap(collection -> migrations.once("pending-outbox-marker", collection, () -> migrations.markPendingOutboxes(collection)))
                .concatWith(Flux.fromIterable(slotted).concatMap(slots -> migrations.once("parent-slots", slots.collection(), slots::backfill)))
                .reduce(0L, Long::sum);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outbox(Document doc) {
        Object value = doc.get(AggregateStore.OUTBOX);
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    @Override
    public void start() {
        running = true;
        Mono<Void> indexes = ensureIndexes()
                .doOnError(e -> log.warn("Could not ensure the outbox indexes; sweeps and writes work, more slowly: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then()
                .then(migrate()
                        .doOnError(e -> log.warn("A store migration failed; it runs again at the next start: {}", e.toString()))
                        .onErrorResume(e -> Mono.empty()))
                .then();
        sweeper = indexes.thenMany(Flux.interval(Duration.ZERO, sweepInterval))
                .onBackpressureDrop()
                .concatMap(tick -> sweep()
                        .doOnError(e -> log.warn("Outbox sweep failed, the next one retries: {}", e.toString()))
                        .onErrorResume(e -> Mono.just(0L)), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.dispose();
        }
        List<Mono<Long>> inFlight = drains.values().stream().map(d -> d.done.asMono()).toList();
        try {
            Flux.merge(inFlight).then().toFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Outbox drains still under way at stop; the next start's sweep publishes what they leave: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the consumers and web server are up, stops before the Kafka producer closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /** A document whose outbox may hold events. */
    record Pending(String collection, Object id) {
    }

    private record Drained(Object id, long published) {
    }

    /** One document's drain under way; {@code again} is read and written only inside the map's compute. */
    private static final class Drain {
        final Sinks.One<Long> done = Sinks.one();
        final AtomicLong published = new AtomicLong();
        volatile boolean failed;
        boolean again;
    }
}
