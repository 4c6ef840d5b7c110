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
 * so a vote is one version-guarded write of one document together with its events.
 */
@Configuration(proxyBeanMethods = false)
public class BallotStore {

    public static final String COLLECTION = "ballots";
    /** Fields the deadline schedule's rebuild reads open ballots by (index {@code status_deadline}). */
    public static final String STATUS = "state.status";
    public static final String DEADLINE = "state.deadline";

    @Bean
    AggregateStore<Ballot> ballots(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, COLLECTION, Ballot.class, clock);
    }

    /** Ballots by deadline: ticks every {@code accord.deadlines.scan-interval}, rebuilt from the store at start. */
    @Bean
    Deadlines ballotDeadlines(@Value("${accord.deadlines.scan-interval:PT1S}") Duration tick,
                              @Value("${accord.deadlines.rebuild-interval:PT10M}") Duration rebuild, Clock clock) {
        return new Deadlines("ballot", tick, rebuild, clock);
    }

    /** The deadline schedule's rebuild and the by-proposal listing read by these fields. */
    @Bean
    SmartInitializingSingleton ballotIndexes(ReactiveMongoTemplate mongo) {
        return () -> {
            var indexes = mongo.indexOps(COLLECTION);
            indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).on(DEADLINE, Sort.Direction.ASC)
                    .named("status_deadline")).block();
            indexes.createIndex(new Index().on("state.proposalId", Sort.Direction.ASC).named("proposal")).block();
        };
    }
}
