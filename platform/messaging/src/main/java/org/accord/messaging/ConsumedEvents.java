package org.accord.messaging;

import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Mono;

/**
 * Makes a handler idempotent by event id: the id of each event a consumer has handled is kept
 * in the service's {@code consumed_events} collection, and an event seen before is skipped. The
 * mark is written after the handler succeeds, so a crash in between re-runs the handler once
 * more: handlers that write must still use natural keys or {@link Stored#hasApplied} to make that
 * re-run harmless. Aggregates updated by a consumer should prefer
 * {@link AggregateStore#update(Stored, Object, java.util.List, String)}, which records the id in
 * the same write.
 */
public class ConsumedEvents {

    static final String COLLECTION = "consumed_events";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ConsumedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs the action unless this consumer already handled the event; emits whether it ran. */
    public Mono<Boolean> once(String consumer, String eventId, Supplier<Mono<?>> action) {
        String key = consumer + ":" + eventId;
        return mongo.exists(Query.query(Criteria.where("_id").is(key)), COLLECTION)
                .flatMap(seen -> seen ? Mono.just(false)
                        : action.get()
                                .then(mongo.insert(new Document("_id", key).append("at", Date.from(clock.instant())), COLLECTION)
                                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                                .thenReturn(true));
    }

    public Mono<Boolean> seen(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(consumer + ":" + eventId)), COLLECTION);
    }
}
