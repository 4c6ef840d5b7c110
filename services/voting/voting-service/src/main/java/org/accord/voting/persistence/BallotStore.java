package org.accord.voting.persistence;

import java.time.Clock;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.OutboxRelay;
import org.accord.voting.domain.Ballot;
import org.springframework.beans.factory.SmartInitializingSingleton;
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

    @Bean
    AggregateStore<Ballot> ballots(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, COLLECTION, Ballot.class, clock);
    }

    /** The deadline scan and the by-proposal listing read by these fields. */
    @Bean
    SmartInitializingSingleton ballotIndexes(ReactiveMongoTemplate mongo) {
        return () -> {
            var indexes = mongo.indexOps(COLLECTION);
            indexes.createIndex(new Index().on("state.status", Sort.Direction.ASC).on("state.deadline", Sort.Direction.ASC)
                    .named("status_deadline")).block();
            indexes.createIndex(new Index().on("state.proposalId", Sort.Direction.ASC).named("proposal")).block();
        };
    }
}
