package org.accord.comments.config;

import java.time.Clock;
import java.time.Duration;

import org.accord.comments.domain.CommentPeriod;
import org.accord.comments.domain.CommentSubmission;
import org.accord.comments.domain.Committee;
import org.accord.comments.domain.DraftVersion;
import org.accord.comments.domain.MemberBodyStanding;
import org.accord.comments.persistence.CollectionNames;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Deadlines;
import org.accord.messaging.OutboxRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** One store per aggregate type, each in its own collection of the service's database. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /** Comment periods by deadline: ticks every {@code accord.deadlines.scan-interval}, rebuilt from the store at start. */
    @Bean
    Deadlines commentPeriodDeadlines(@Value("${accord.deadlines.scan-interval:PT1S}") Duration tick,
                                     @Value("${accord.deadlines.rebuild-interval:PT10M}") Duration rebuild, Clock clock) {
        return new Deadlines("comment period", tick, rebuild, clock);
    }

    /** Each period is kept under its proposal (parent slots): a proposal's periods are read by slot, never by a filter. */
    @Bean
    AggregateStore<CommentPeriod> commentPeriodStore(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, CollectionNames.PERIODS, CommentPeriod.class, clock, CollectionNames.PERIOD_PARENT);
    }

    /** Each submission is kept under its comment period (parent slots): a period's submissions are read by slot, never by a filter. */
    @Bean
    AggregateStore<CommentSubmission> commentSubmissionStore(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, CollectionNames.SUBMISSIONS, CommentSubmission.class, clock,
                CollectionNames.SUBMISSION_PARENT);
    }

    @Bean
    AggregateStore<Committee> committeeStore(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, CollectionNames.COMMITTEES, Committee.class, clock);
    }

    @Bean
    AggregateStore<MemberBodyStanding> memberBodyStore(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, CollectionNames.MEMBER_BODIES, MemberBodyStanding.class, clock);
    }

    @Bean
    AggregateStore<DraftVersion> draftVersionStore(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, CollectionNames.DRAFT_VERSIONS, DraftVersion.class, clock);
    }
}
