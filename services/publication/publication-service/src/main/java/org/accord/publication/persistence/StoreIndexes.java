package org.accord.publication.persistence;

import org.accord.publication.config.PublicationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** The indexes the feed and list queries sort and filter on; creating an existing index is a no-op. */
@Component
class StoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private final ReactiveMongoTemplate mongo;

    StoreIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        var indexes = mongo.indexOps(PublicationConfig.STANDARDS);
        Flux.concat(
                        indexes.createIndex(new Index().on(StandardQueries.LAST_SEQUENCE, Sort.Direction.DESC)),
                        indexes.createIndex(new Index().on(StandardQueries.COMMITTEE, Sort.Direction.ASC)
                                .on(StandardQueries.LAST_SEQUENCE, Sort.Direction.DESC)))
                .doOnError(e -> log.warn("Could not create the standards' indexes: {}", e.toString()))
                .onErrorComplete()
                .subscribe();
    }
}
