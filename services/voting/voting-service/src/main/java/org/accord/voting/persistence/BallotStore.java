package org.accord.voting.persistence;

import java.time.Clock;
import java.time.Duration;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.Deadlines;
import org.accord.messaging.OutboxRelay;
import org.accord.voting.domain.Ballot;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Ballots live in one collection, a ballot per document with its votes and their history inside,
 * so a vote is one version-guarded write of one document together with its events. Each ballot is
 * kept under its proposal ({@link AggregateStore#children(String)}): a proposal's ballots are read
 * by their slots' exact keys, never by a filter on {@code state.proposalId}, so the listing and a
 * withdrawal examine that proposal's ballots only (ballots stored before slots get theirs at start).
 */
@Configuration(proxyBeanMethods = false)
public class BallotStore {

    public static final String COLLECTION = "ballots";
    /** Fields the deadline schedule's rebuild reads open ballots by (index {@code status_deadline}). */
    public static final String STATUS = "state.status";
    public static final String DEADLINE = "state.deadline";
    /** The state's field naming the proposal a ballot is kept under. */
    public static final String PARENT = "proposalId";
    /** The by-proposal index of earlier versions, which the parent slots replace. */
    static final String FORMER_PROPOSAL_INDEX = "proposal";

    @Bean
    AggregateStore<Ballot> ballots(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, COLLECTION, Ballot.class, clock, PARENT);
    }

    /** Ballots by deadline: ticks every {@code accord.deadlines.scan-interval}, rebuilt from the store at start. */
    @Bean
    Deadlines ballotDeadlines(@Value("${accord.deadlines.scan-interval:PT1S}") Duration tick,
                              @Value("${accord.deadlines.rebuild-interval:PT10M}") Duration rebuild, Clock clock) {
        return new Deadlines("ballot", tick, rebuild, clock);
    }

    /** The deadline schedule's rebuild reads by these fields; the by-proposal index of earlier versions goes. */
    @Bean
    SmartInitializingSingleton ballotIndexes(ReactiveMongoTemplate mongo) {
        return () -> {
            var indexes = mongo.indexOps(COLLECTION);
            indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).on(DEADLINE, Sort.Direction.ASC)
                    .named("status_deadline")).block();
            indexes.getIndexInfo().filter(index -> FORMER_PROPOSAL_INDEX.equals(index.getName()))
                    .concatMap(index -> indexes.dropIndex(FORMER_PROPOSAL_INDEX))
                    .then().block();
        };
    }
}
