package org.accord.publication.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * The service-wide sequence of feed events (the SSE event ids), one atomic increment per
 * reservation in the store, so every instance draws from it and the numbers survive restarts. A
 * number reserved for a write that then fails is never used; the live feed steps over such a hole.
 */
@Repository
public class FeedSequence {

    static final String COLLECTION = "feed_sequence";
    private static final String ID = "feed";

    private final ReactiveMongoTemplate mongo;

    public FeedSequence(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Reserves {@code count} consecutive numbers and emits the first. */
    public Mono<Long> reserve(int count) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)), new Update().inc("value", (long) count),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(doc -> ((Number) doc.get("value")).longValue() - count + 1);
    }
}
