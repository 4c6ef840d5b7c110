package org.accord.publication.config;

import java.time.Clock;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.OutboxRelay;
import org.accord.publication.domain.Standard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The standards' store: one document per project number, with its embedded outbox. */
@Configuration
@EnableConfigurationProperties(FeedProperties.class)
public class PublicationConfig {

    public static final String STANDARDS = "standards";

    @Bean
    AggregateStore<Standard> standards(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, STANDARDS, Standard.class, clock);
    }
}
