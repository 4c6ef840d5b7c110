package org.accord.comments.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * The indexes behind the service's queries: periods by proposal and by opening (listings, oldest
 * first), and open periods by deadline (the deadline schedule's rebuild at start). Creating an
 * existing index is a no-op, so every start ensures them. Submissions need none of their own: a
 * period's submissions are read by the parent slots they are kept under (the store's
 * {@code parent_slot} index), so the by-period index of earlier versions is dropped.
 */
@Component
public class StoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);
    /** Fields of comment periods that the deadline schedule's rebuild reads by (index {@code open_by_deadline}). */
    public static final String STATUS = "state.status";
    public static final String DEADLINE = "state.deadline";
    /** The submissions-by-period index of earlier versions, which the parent slots replace. */
    static final String FORMER_BY_PERIOD_INDEX = "by_period";

    private final ReactiveMongoTemplate mongo;

    public StoreIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        Flux.concat(
                        mongo.indexOps(CollectionNames.SUBMISSIONS).getIndexInfo()
                                .filter(index -> FORMER_BY_PERIOD_INDEX.equals(index.getName()))
                                .concatMap(index -> mongo.indexOps(CollectionNames.SUBMISSIONS).dropIndex(FORMER_BY_PERIOD_INDEX)
                                        .thenReturn(FORMER_BY_PERIOD_INDEX + " (dropped)")),
                        mongo.indexOps(CollectionNames.PERIODS).createIndex(new Index().on("state.proposalId", Sort.Direction.ASC)
                                .on("state.openedAt", Sort.Direction.ASC).named("by_proposal_opened")),
                        mongo.indexOps(CollectionNames.PERIODS).createIndex(new Index().on("state.openedAt", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.ASC).named("by_opening")),
                        mongo.indexOps(CollectionNames.PERIODS).createIndex(new Index().on(STATUS, Sort.Direction.ASC)
                                .on(DEADLINE, Sort.Direction.ASC).named("open_by_deadline")))
                .subscribe(name -> log.debug("Index {} ensured", name),
                        e -> log.warn("Could not ensure the store's indexes; queries still work, more slowly: {}", e.toString()));
    }
}
