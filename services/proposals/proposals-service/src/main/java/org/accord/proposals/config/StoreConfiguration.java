package org.accord.proposals.config;

import java.time.Clock;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.OutboxRelay;
import org.accord.proposals.domain.Committee;
import org.accord.proposals.domain.MemberBody;
import org.accord.proposals.domain.Proposal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The three aggregates of the service (proposals, committees, member bodies), each in its own collection with an embedded outbox. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    public static final String PROPOSALS = "proposals";
    public static final String COMMITTEES = "committees";
    /** The member-body register (not {@code member_bodies}: that held the plain seeded list before the register). */
    public static final String MEMBER_BODIES = "member_register";

    @Bean
    AggregateStore<Proposal> proposals(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, PROPOSALS, Proposal.class, clock);
    }

    @Bean
    AggregateStore<Committee> committees(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, COMMITTEES, Committee.class, clock);
    }

    @Bean
    AggregateStore<MemberBody> memberBodies(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, MEMBER_BODIES, MemberBody.class, clock);
    }
}
