package org.accord.proposals.persistence;

import java.util.Date;

import org.accord.proposals.domain.PublishedStandard;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** Designations the publication service announced, keyed by designation (a redelivery writes nothing new). */
@Repository
public class PublishedStandards {

    static final String COLLECTION = "published_standards";

    private final ReactiveMongoTemplate mongo;

    public PublishedStandards(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<PublishedStandard> createIfAbsent(PublishedStandard standard) {
        Document doc = new Document("_id", standard.designation())
                .append("projectNumber", standard.projectNumber())
                .append("edition", standard.edition())
                .append("committeeId", standard.committeeId())
                .append("title", standard.title())
                .append("proposalId", standard.proposalId())
                .append("publishedAt", Date.from(standard.publishedAt()));
        return mongo.insert(doc, COLLECTION).thenReturn(standard)
                .onErrorResume(DuplicateKeyException.class, e -> find(standard.designation()));
    }

    public Mono<PublishedStandard> find(String designation) {
        return mongo.findById(designation, Document.class, COLLECTION).map(doc -> new PublishedStandard(
                doc.getString("_id"), doc.getInteger("projectNumber"), doc.getInteger("edition"), doc.getString("committeeId"),
                doc.getString("title"), doc.getString("proposalId"), doc.getDate("publishedAt").toInstant()));
    }
}
