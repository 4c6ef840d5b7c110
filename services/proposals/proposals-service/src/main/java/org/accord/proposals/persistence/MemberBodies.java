package org.accord.proposals.persistence;

import org.accord.proposals.domain.MemberBody;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The national standards bodies, by their ISO 3166-1 alpha-2 code. */
@Repository
public class MemberBodies {

    static final String COLLECTION = "member_bodies";

    private final ReactiveMongoTemplate mongo;

    public MemberBodies(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Boolean> createIfAbsent(MemberBody body) {
        Document doc = new Document("_id", body.code()).append("name", body.name()).append("country", body.country());
        return mongo.insert(doc, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    public Mono<MemberBody> find(String code) {
        return mongo.findById(code, Document.class, COLLECTION).map(MemberBodies::toMemberBody);
    }

    public Flux<MemberBody> findAll() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).map(MemberBodies::toMemberBody);
    }

    private static MemberBody toMemberBody(Document doc) {
        return new MemberBody(doc.getString("_id"), doc.getString("name"), doc.getString("country"));
    }
}
