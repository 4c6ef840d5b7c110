package org.accord.proposals;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.OutboxRelay;
import org.accord.messaging.OutgoingEvent;
import org.accord.messaging.Stored;
import org.accord.proposals.config.StoreConfiguration;
import org.accord.proposals.domain.Proposal;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes concurrent edits of one proposal really collide: while held, each write to that proposal
 * waits until the expected number of writers have read it and reached the store, then all write
 * at once against the same version. The store underneath is the real one; only the timing is
 * arranged. Other proposals pass straight through.
 */
public class WriteGate {

    private volatile String heldProposal;
    private volatile CountDownLatch arrivals = new CountDownLatch(0);

    public void hold(String proposalId, int writers) {
        arrivals = new CountDownLatch(writers);
        heldProposal = proposalId;
    }

    public void release() {
        heldProposal = null;
    }

    Mono<Void> pass(String proposalId) {
        if (!proposalId.equals(heldProposal)) {
            return Mono.empty();
        }
        CountDownLatch latch = arrivals;
        return Mono.fromCallable(() -> {
            latch.countDown();
            return latch.await(20, TimeUnit.SECONDS);
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        WriteGate writeGate() {
            return new WriteGate();
        }

        @Bean
        @Primary
        AggregateStore<Proposal> gatedProposals(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock, WriteGate gate) {
            return new AggregateStore<>(mongo, relay, StoreConfiguration.PROPOSALS, Proposal.class, clock) {
                @Override
                public Mono<Stored<Proposal>> update(Stored<Proposal> current, Proposal newState, List<OutgoingEvent> events,
                                                     String appliedEventId) {
                    return gate.pass(current.id()).then(super.update(current, newState, events, appliedEventId));
                }
            };
        }
    }
}
