package org.accord.messaging;

import java.util.Date;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * One-off changes to documents stored by an earlier version, run at start before the first
 * outbox sweep. Each runs once per collection: when it has gone through, a document
 * {@code <migration>:<collection>} in {@code store_migrations} says so, and later starts read that
 * one document by {@code _id} and nothing else. Each is idempotent (run again, it finds nothing
 * to change), so a crash half-way only means it runs again at the next start. The one pass a
 * migration makes over its collection carries the comment {@link #ONE_OFF}, which the store
 * query check lists as such.
 */
final class StoreMigrations {

    private static final Logger log = LoggerFactory.getLogger(StoreMigrations.class);
    static final String COLLECTION = "store_migrations";
    /** Marks the one pass over a collection a migration makes (the query check knows it). */
    static final String ONE_OFF = "accord:one-off-migration";

    private final ReactiveMongoTemplate mongo;

    StoreMigrations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs {@code migration} on {@code collection} unless it has gone through already; emits the documents changed. */
    Mono<Long> once(String migration, String collection, Supplier<Mono<Long>> migrate) {
        String id = migration + ":" + collection;
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)
                .flatMap(done -> done ? Mono.just(0L) : Mono.defer(migrate)
                        .flatMap(changed -> mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                                new Update().set("doneAt", new Date()).set("documents", changed), COLLECTION).thenReturn(changed))
                        .doOnNext(changed -> log.info("Store migration {} on {} done: {} document(s) changed", migration, collection, changed)));
    }

    /**
     * Documents written before the {@code pendingOutbox} marker existed, whose outbox still holds
     * events, get the marker, so the sweep finds and drains them. The marker is set only if the
     * document is unchanged since it was read (a newer write sets it itself).
     */
    Mono<Long> markPendingOutboxes(String collection) {
        Query unmarked = Query.query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true).and(AggregateStore.PENDING).exists(false))
                .comment(ONE_OFF);
        unmarked.fields().include("_id", AggregateStore.VERSION);
        return mongo.find(unmarked, Document.class, collection)
                .concatMap(doc -> mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))
                                .and(AggregateStore.VERSION).is(doc.get(AggregateStore.VERSION))),
                        new Update().set(AggregateStore.PENDING, doc.get("_id")), collection))
                .filter(result -> result.getModifiedCount() > 0)
                .count();
    }
}
