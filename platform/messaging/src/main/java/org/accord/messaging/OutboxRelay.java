package org.accord.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.events.KafkaCloudEvents;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in aggregate documents' outboxes to Kafka, at least once and in
 * order per aggregate, then removes them from the documents. It drains right after a local write
 * ({@link #wake()}) and also sweeps periodically, so events left behind by a crash (written but
 * not published, or published but not removed) go out after a restart. A re-publication carries
 * the same event id, which idempotent consumers recognise.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int PAGE_SIZE = 200;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sweepInterval;
    private final EventMetrics metrics;
    private final Set<String> collections = new CopyOnWriteArraySet<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    private volatile CountDownLatch idle = new CountDownLatch(0);
    private Disposable sweeper;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Duration sweepInterval,
                       EventMetrics metrics, MeterRegistry registry) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.sweepInterval = sweepInterval;
        this.metrics = metrics;
        io.micrometer.core.instrument.Gauge.builder("accord.outbox.backlog", backlog, Number::doubleValue)
                .description("Events written to an outbox and not yet acknowledged by the broker").register(registry);
    }

    /** Adds a collection whose documents carry an outbox. */
    public void register(String collection) {
        collections.add(collection);
    }

    /** Asks for a drain soon; cheap and safe to call from any thread, as often as wanted. */
    public void wake() {
        again.set(true);
        tryDrain();
    }

    /** Events seen waiting in outboxes at the last pass and not yet published. */
    public long backlog() {
        return backlog.get();
    }

    private void tryDrain() {
        if (!running || !draining.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        CountDownLatch done = new CountDownLatch(1);
        idle = done;
        drainOnce()
                .doOnError(e -> log.warn("Outbox drain failed, the next sweep retries: {}", e.toString()))
                .onErrorResume(e -> Mono.just(0L))
                .doFinally(signal -> {
                    draining.set(false);
                    done.countDown();
                    if (again.get()) {
                        tryDrain();
                    }
                })
                .subscribe();
    }

    /** One pass over every registered collection; emits how many events were published. */
    Mono<Long> drainOnce() {
        AtomicLong pending = new AtomicLong();
        return Flux.fromIterable(collections)
                .concatMap(collection -> drainCollection(collection, pending))
                .reduce(0L, Long::sum)
                .doOnNext(published -> backlog.set(Math.max(0, pending.get() - published)));
    }

    private Mono<Long> drainCollection(String collection, AtomicLong pending) {
        Query query = Query.query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true))
                .with(Sort.by("updatedAt")).limit(PAGE_SIZE);
        query.fields().include(AggregateStore.OUTBOX);
        return mongo.find(query, Document.class, collection).collectList()
                .flatMap(docs -> {
                    if (docs.isEmpty()) {
                        return Mono.just(0L);
                    }
                    docs.forEach(d -> pending.addAndGet(outbox(d).size()));
                    return publishPage(collection, docs)
                            .flatMap(published -> docs.size() == PAGE_SIZE && published > 0
                                    ? drainCollection(collection, pending).map(more -> more + published)
                                    : Mono.just(published));
                });
    }

    /**
     * Sends every event of the page in document order without waiting in between (the
     * idempotent producer keeps them in order per partition), then removes from each document the
     * events that Kafka acknowledged.
     */
    private Mono<Long> publishPage(String collection, List<Document> docs) {
        List<Mono<Long>> perDocument = new ArrayList<>();
        for (Document doc : docs) {
            List<OutgoingEvent> events = outbox(doc).stream().map(OutboxDocuments::fromDocument).toList();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (OutgoingEvent event : events) {
                sends.add(kafka.send(KafkaCloudEvents.toRecord(event.topic(), event.key(), event.event()))
                        .thenRun(() -> metrics.published(event.event(), Instant.now())));
            }
            long upToVersion = outbox(doc).stream()
                    .mapToLong(d -> ((Number) d.getOrDefault(OutboxDocuments.WRITE_VERSION, 0L)).longValue())
                    .max().orElse(0L);
            perDocument.add(Mono.fromFuture(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)))
                    .then(Mono.defer(() -> removePublished(collection, doc.get("_id"), upToVersion)))
                    .thenReturn((long) events.size())
                    .onErrorResume(e -> {
                        log.warn("Could not publish the outbox of {}/{}; it stays for the next sweep: {}",
                                collection, doc.get("_id"), e.toString());
                        return Mono.just(0L);
                    }));
        }
        return Flux.concat(perDocument).reduce(0L, Long::sum);
    }

    /**
     * Removes the published events: every event appended by a write up to the given aggregate
     * version. Events appended meanwhile by a newer write carry a higher version and stay. One
     * condition per entry keeps this linear even for a document with a thousand events.
     */
    protected Mono<Void> removePublished(String collection, Object documentId, long upToVersion) {
        Update pull = new Update().pull(AggregateStore.OUTBOX,
                new Document(OutboxDocuments.WRITE_VERSION, new Document("$lte", upToVersion)));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)), pull, collection).then();
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outbox(Document doc) {
        Object value = doc.get(AggregateStore.OUTBOX);
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    @Override
    public void start() {
        running = true;
        sweeper = Flux.interval(Duration.ZERO, sweepInterval).subscribe(tick -> wake());
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.dispose();
        }
        try {
            idle.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
