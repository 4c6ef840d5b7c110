package org.accord.proposals.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * Hands out project numbers from one counter document, incremented atomically on the store, so
 * two submissions never get the same number, across instances too. A number taken by a submission
 * that then fails is skipped, never handed out again.
 */
@Repository
public class ProjectNumbers {

    static final String COLLECTION = "counters";
    static final String PROJECT_NUMBER = "project-number";

    private final ReactiveMongoTemplate mongo;

    public ProjectNumbers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Integer> next() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(PROJECT_NUMBER)), new Update().inc("value", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(doc -> ((Number) doc.get("value")).intValue());
    }
}
