package org.accord.publication.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * The published texts, addressed by their SHA-256 and never changed: a text is inserted once
 * before the publication that names it is written (a second insert of the same text is a no-op),
 * so the standards' documents stay small and a text cannot be replaced under its hash without the
 * hash chain showing it.
 */
@Repository
public class TextArchive {

    static final String COLLECTION = "texts";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public TextArchive(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> keep(String sha256, String text) {
        Document doc = new Document("_id", sha256).append("text", text).append("storedAt", Date.from(clock.instant()));
        return mongo.insert(doc, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    public Mono<String> find(String sha256) {
        return mongo.findById(sha256, Document.class, COLLECTION).map(doc -> doc.getString("text"));
    }

    /** The stored texts of these hashes; a hash without a stored text is absent from the map. */
    public Mono<Map<String, String>> findAll(Collection<String> sha256s) {
        return mongo.find(Query.query(Criteria.where("_id").in(sha256s)), Document.class, COLLECTION)
                .collect(HashMap::new, (map, doc) -> map.put(doc.getString("_id"), doc.getString("text")));
    }
}
