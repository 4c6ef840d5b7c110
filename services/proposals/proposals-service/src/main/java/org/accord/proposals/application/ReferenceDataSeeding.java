package org.accord.proposals.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.proposals.domain.Change;
import org.accord.proposals.domain.Committee;
import org.accord.proposals.domain.Procedure;
import org.accord.proposals.domain.MemberBody;
import org.accord.proposals.persistence.Indexes;
import org.accord.proposals.persistence.MemberBodies;
import org.accord.proposals.persistence.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * On every start, registers the member bodies and committees of the reference data that the store
 * does not have yet. Only a committee registered now emits its "registered" snapshot; one changed
 * since by the secretariat is left as it is.
 */
@Component
public class ReferenceDataSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataSeeding.class);
    static final String SEEDED_BY = "reference-data";

    private final ReferenceData reference;
    private final MemberBodies memberBodies;
    private final CommitteeService committees;
    private final Indexes indexes;
    private final Clock clock;

    public ReferenceDataSeeding(ReferenceData reference, MemberBodies memberBodies, CommitteeService committees,
                                Indexes indexes, Clock clock) {
        this.reference = reference;
        this.memberBodies = memberBodies;
        this.committees = committees;
        this.indexes = indexes;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<MemberBody> bodies = reference.memberBodies();
        Set<String> codes = bodies.stream().map(MemberBody::code).collect(Collectors.toSet());
        List<Change<Committee>> registrations = reference.committees().stream().map(seed -> {
            List<String> unknown = Stream.concat(seed.participating().stream(), seed.observing().stream())
                    .filter(code -> !codes.contains(code)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("reference/committees.yaml: " + seed.id() + " lists member bodies "
                        + unknown + " that member-bodies.csv does not have");
            }
            return Committee.register(seed.id(), seed.title(), seed.secretariat(), seed.participating(), seed.observing(),
                    Procedure.valueOf(seed.procedure()), SEEDED_BY, clock.instant());
        }).toList();

        Long created = indexes.ensure()
                .thenMany(Flux.fromIterable(bodies).concatMap(memberBodies::createIfAbsent))
                .thenMany(Flux.fromIterable(registrations).concatMap(committees::registerIfAbsent))
                .count()
                .retryWhen(Retry.backoff(8, Duration.ofMillis(500)))
                .block(Duration.ofMinutes(2));
        log.info("Reference data in place: {} member bodies, {} committees ({})", bodies.size(), created,
                registrations.stream().map(r -> r.state().committeeId()).toList());
    }
}
