package org.accord.proposals.persistence;

import org.accord.proposals.domain.DraftVersion;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** Version texts, written before the proposal update that refers to them, never changed after. */
@Repository
public class DraftTexts {

    static final String COLLECTION = "draft_versions";

    private final ReactiveMongoTemplate mongo;

    public DraftTexts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the text; the same proposal, number and text again is the same document and is kept as it is. */
    public Mono<StoredDraftText> createIfAbsent(StoredDraftText text) {
        return mongo.insert(text, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(text.id(), StoredDraftText.class, COLLECTION));
    }

    /** The text a proposal's version refers to. */
    public Mono<StoredDraftText> find(String proposalId, DraftVersion version) {
        return mongo.findById(StoredDraftText.idOf(proposalId, version.number(), version.sha256()), StoredDraftText.class,
                COLLECTION);
    }
}
