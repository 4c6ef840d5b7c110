package org.accord.proposals.persistence;

import org.accord.proposals.config.StoreConfiguration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The indexes behind the listing's filters (by committee and stage, newest first) and the slug look-up. */
@Component
public class Indexes {

    private final ReactiveMongoTemplate mongo;

    public Indexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> ensure() {
        return mongo.indexOps(StoreConfiguration.PROPOSALS)
                .createIndex(new Index().on("state.committeeId", Sort.Direction.ASC).on("state.submittedAt", Sort.Direction.DESC))
                .then(mongo.indexOps(StoreConfiguration.PROPOSALS)
                        .createIndex(new Index().on("state.stage", Sort.Direction.ASC)))
                .then(mongo.indexOps(StoreConfiguration.COMMITTEES)
                        .createIndex(new Index().on("state.slug", Sort.Direction.ASC)))
                .then();
    }
}
