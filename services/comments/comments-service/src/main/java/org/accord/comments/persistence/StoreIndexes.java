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
 * The indexes behind the service's queries: periods by opening (the listing of all periods,
 * oldest first) and open periods by deadline (the deadline schedule's rebuild at start). Creating
 * an existing index is a no-op, so every start ensures them. A period's submissions and a
 * proposal's periods need none of their own: they are read by the parent slots they are kept
 * under (the store's {@code parent_slot} index), so the by-period and by-proposal indexes of
 * earlier versions are dropped.
 */
@Component
public class StoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);
    /** Fields of comment periods that the deadline schedule's rebuild reads by (index {@code open_by_deadline}). */
    public static final String STATUS = "state.status";
    public static final String DEADLINE = "state.deadline";
    /** The submissions-by-period and periods-by-proposal indexes of earlier versions, which the parent slots replace. */
    static final String FORMER_BY_PERIOD_INDEX = "by_period";
    static final String FORMER_BY_PROPOSAL_INDEX = "by_proposal_opened";

    private final ReactiveMongoTemplate mongo;

    public StoreIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        Flux.concat(
                        dropIfPresent(CollectionNames.SUBMISSIONS, FORMER_BY_PERIOD_INDEX),
                        dropIfPresent(CollectionNames.PERIODS, FORMER_BY_PROPOSAL_INDEX),
                        mongo.indexOps(CollectionNames.PERIODS).createIndex(new Index().on("state.openedAt", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.ASC).named("by_opening")),
                        mongo.indexOps(CollectionNames.PERIODS).createIndex(new Index().on(STATUS, Sort.Direction.ASC)
                                .on(DEADLINE, Sort.Direction.ASC).named("open_by_deadline")))
                .subscribe(name -> log.debug("Index {} ensured", name),
                        e -> log.warn("Could not ensure the store's indexes; queries still work, more slowly: {}", e.toString()));
    }

    private Flux<String> dropIfPresent(String collection, String index) {
        var indexes = mongo.indexOps(collection);
        return indexes.getIndexInfo().filter(info -> index.equals(info.getName()))
                .concatMap(info -> indexes.dropIndex(index).thenReturn(index + " (dropped)"));
    }
}
