package org.accord.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The register of aggregates kept under a parent, held by the aggregates themselves: each carries
 * {@code slot: "<parentId>#<n>"}, written in its own insert, under a sparse unique index. The
 * first aggregate of a parent takes slot 1, the next slot 2, and so on: an insert whose slot is
 * taken (another writer, another instance) fails on the index and tries the next one, so the
 * slots of a parent stay dense without any write to a second document. A listing asks for slots
 * 1–128, 129–256, ... by exact key ({@code $in}) until a page finds none: MongoDB and the embedded
 * store (whose unique indexes serve {@code $in} by lookups) both read the parent's aggregates and
 * nothing else. A slot left free (an insert that failed after reserving it) is skipped by the
 * listing as long as fewer than a page of them lie in a row.
 * <p>
 * The next free slot of a parent is learnt once per process (a doubling then halving search of
 * exact lookups, about 2·log2(n) of them) and then counted in memory; a collision corrects it.
 */
final class ParentSlots {

    private static final Logger log = LoggerFactory.getLogger(ParentSlots.class);
    static final String SLOT = "slot";
    static final String SLOT_INDEX = "parent_slot";
    /** Slots asked for at once by a listing; also the longest run of free slots a listing steps over. */
    static final int PAGE = 128;
    /** Inserts tried before a write gives up (503): only a storm of writers on one parent gets there. */
    static final int MAX_ATTEMPTS = 64;
    /** Parents whose next slot is remembered; beyond that the memory is dropped and learnt again. */
    static final int REMEMBERED = 10_000;

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final String parentField;
    private final Map<String, AtomicLong> next = new ConcurrentHashMap<>();

    ParentSlots(ReactiveMongoTemplate mongo, String collection, String parentField) {
        this.mongo = mongo;
        this.collection = collection;
        this.parentField = parentField;
    }

    String collection() {
        return collection;
    }

    static String key(String parentId, long slot) {
        return parentId + "#" + slot;
    }

    /** Inserts the aggregate's new document in the first free slot of its parent (a document without a parent takes none). */
    Mono<Document> insert(Document doc) {
        Object parent = doc.get(AggregateStore.STATE, Document.class).get(parentField);
        if (!(parent instanceof String parentId)) {
            return mongo.insert(doc, collection);
        }
        return reserve(parentId, false).flatMap(slot -> attempt(doc, parentId, slot, 1));
    }

    private Mono<Document> attempt(Document doc, String parentId, long slot, int attempt) {
        doc.put(SLOT, key(parentId, slot));
        return mongo.insert(doc, collection)
                .onErrorResume(DuplicateKeyException.class, e -> {
                    if (!names(e, SLOT_INDEX)) {
                        giveBack(parentId, slot);
                        return Mono.error(e);
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                        return Mono.error(new TransientDataAccessResourceException("No free slot under " + parentId
                                + " after " + attempt + " attempts (too many concurrent writers)", e));
                    }
                    counter(parentId).accumulateAndGet(slot + 1, Math::max);
                    // Repeated collisions: another process is ahead; learn the free slot from the store again.
                    return reserve(parentId, attempt % 4 == 0).flatMap(n -> attempt(doc, parentId, n, attempt + 1));
                })
                .doOnError(e -> !(e instanceof DuplicateKeyException), e -> giveBack(parentId, slot));
    }

    private static boolean names(DuplicateKeyException e, String index) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(index)) {
                return true;
            }
        }
        return false;
    }

    /** The slot to try: counted in memory once learnt; learnt from the store the first time or when asked. */
    private Mono<Long> reserve(String parentId, boolean relearn) {
        AtomicLong known = next.get(parentId);
        if (known != null && !relearn) {
            return Mono.just(known.getAndIncrement());
        }
        return firstFree(parentId).map(free -> {
            AtomicLong counter = counter(parentId);
            counter.accumulateAndGet(free, Math::max);
            return counter.getAndIncrement();
        });
    }

    private AtomicLong counter(String parentId) {
        if (next.size() >= REMEMBERED && !next.containsKey(parentId)) {
            next.clear();
        }
        return next.computeIfAbsent(parentId, k -> new AtomicLong(1));
    }

    /** A reserved slot the insert did not use goes back if no other slot was reserved since. */
    private void giveBack(String parentId, long slot) {
        AtomicLong counter = next.get(parentId);
        if (counter != null) {
            counter.compareAndSet(slot + 1, slot);
        }
    }

    /**
     * The first free slot, by exact lookups: doubles while taken (1, 2, 4, ...), then halves the
     * interval between the last taken and the first free one.
     */
    Mono<Long> firstFree(String parentId) {
        return gallop(parentId, 1).flatMap(free -> free == 1 ? Mono.just(1L) : bisect(parentId, free / 2, free));
    }

    private Mono<Long> gallop(String parentId, long slot) {
        return taken(parentId, slot).flatMap(taken -> taken ? gallop(parentId, slot * 2) : Mono.just(slot));
    }

    /** Slot {@code taken} is taken, {@code free} is free: the first free one after the last taken one in between. */
    private Mono<Long> bisect(String parentId, long taken, long free) {
        if (free - taken <= 1) {
            return Mono.just(free);
        }
        long middle = taken + (free - taken) / 2;
        return taken(parentId, middle).flatMap(t -> t ? bisect(parentId, middle, free) : bisect(parentId, taken, middle));
    }

    private Mono<Boolean> taken(String parentId, long slot) {
        return mongo.exists(Query.query(Criteria.where(SLOT).is(key(parentId, slot))), collection);
    }

    /** The documents under {@code parentId}, a page of slots at a time, until a page finds none. */
    Flux<Document> children(String parentId) {
        return page(parentId, 1);
    }

    private Flux<Document> page(String parentId, long first) {
        List<String> keys = LongStream.range(first, first + PAGE).mapToObj(n -> key(parentId, n)).toList();
        return mongo.find(Query.query(Criteria.where(SLOT).in(keys)), Document.class, collection).collectList()
                .flatMapMany(found -> found.isEmpty() ? Flux.empty()
                        : Flux.fromIterable(found).concatWith(Flux.defer(() -> page(parentId, first + PAGE))));
    }

    Mono<String> ensureIndex() {
        return mongo.indexOps(collection).createIndex(new Index().on(SLOT, Sort.Direction.ASC).unique().sparse().named(SLOT_INDEX));
    }

    /**
     * One-off, for documents stored before slots existed: gives each document that has a parent
     * and no slot one, its parent's older documents first. Reads the collection once (the
     * documents without a slot, their id, parent and creation time only); idempotent, safe beside
     * another instance backfilling at once (a document is placed only if still without a slot), and
     * run once per collection ({@link StoreMigrations}).
     */
    Mono<Long> backfill() {
        Query unslotted = Query.query(Criteria.where(SLOT).exists(false).and(AggregateStore.STATE + "." + parentField).exists(true))
                .comment(StoreMigrations.ONE_OFF);
        unslotted.fields().include("_id", "createdAt", AggregateStore.STATE + "." + parentField);
        return mongo.find(unslotted, Document.class, collection).collectList().flatMap(docs -> {
            Map<String, List<Document>> byParent = new LinkedHashMap<>();
            for (Document doc : docs) {
                Object parent = doc.get(AggregateStore.STATE, Document.class).get(parentField);
                if (parent instanceof String parentId) {
                    byParent.computeIfAbsent(parentId, k -> new ArrayList<>()).add(doc);
                }
            }
            Comparator<Document> oldestFirst = Comparator.comparing((Document d) -> d.getDate("createdAt"),
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(d -> String.valueOf(d.get("_id")));
            return Flux.fromIterable(byParent.entrySet())
                    .concatMap(entry -> Flux.fromIterable(entry.getValue().stream().sorted(oldestFirst).toList())
                            .concatMap(doc -> place(doc.get("_id"), entry.getKey(), 1)))
                    .filter(placed -> placed)
                    .count()
                    .doOnNext(n -> {
                        if (n > 0) {
                            log.info("Gave {} document(s) of {} their parent's slot", n, collection);
                        }
                    });
        });
    }

    /**
     * Gives the document a slot unless it has one: another instance backfilling at the same time
     * may have placed it already, and moving it would leave its first slot free (a run of such
     * gaps as long as a page would hide the parent's later aggregates from a listing).
     */
    private Mono<Boolean> place(Object id, String parentId, int attempt) {
        return reserve(parentId, attempt > 1)
                .flatMap(slot -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(SLOT).exists(false)),
                        new Update().set(SLOT, key(parentId, slot)), collection).map(result -> {
                            if (result.getModifiedCount() == 0) {
                                giveBack(parentId, slot);
                                return false;
                            }
                            return true;
                        }))
                .onErrorResume(DuplicateKeyException.class, e -> attempt < MAX_ATTEMPTS ? place(id, parentId, attempt + 1)
                        : Mono.error(e));
    }
}
