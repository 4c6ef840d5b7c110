package org.accord.voting.config;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's clock (the deadline schedule is in {@code persistence.BallotStore}). */
@Configuration(proxyBeanMethods = false)
public class VotingConfiguration {

    /**
     * Millisecond ticks: the store keeps instants to the millisecond, so a ballot read back equals
     * the one written and a vote's time in its event equals the time in the stored history.
     */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
