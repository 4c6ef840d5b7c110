package org.accord.voting.persistence;

import java.time.Clock;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.OutboxRelay;
import org.accord.voting.domain.MemberBodyStanding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The register's member bodies as voting keeps them: one document per body, its ISO 3166 code as {@code _id}. */
@Configuration(proxyBeanMethods = false)
public class MemberBodyStore {

    public static final String COLLECTION = "member_bodies";

    @Bean
    AggregateStore<MemberBodyStanding> memberBodyStandings(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, COLLECTION, MemberBodyStanding.class, clock);
    }
}
