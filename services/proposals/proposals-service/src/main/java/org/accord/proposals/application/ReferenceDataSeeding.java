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
import org.accord.proposals.persistence.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * On every start, admits the member bodies and registers the committees of the reference data that
 * the store does not have yet. Only a body admitted now emits its {@code MemberBodyAdmitted} and
 * only a committee registered now its "registered" snapshot; one changed since by the secretariat
 * (a body suspended or resigned, a committee's membership) is left as it is.
 */
@Component
public class ReferenceDataSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataSeeding.class);
    static final String SEEDED_BY = "reference-data";

    private final ReferenceData reference;
    private final MemberBodyRegister memberBodies;
    private final CommitteeService committees;
    private final Indexes indexes;
    private final Clock clock;

    public ReferenceDataSeeding(ReferenceData reference, MemberBodyRegister memberBodies, CommitteeService committees,
                                Indexes indexes, Clock clock) {
        this.reference = reference;
        this.memberBodies = memberBodies;
        this.committees = committees;
        this.indexes = indexes;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Change<MemberBody>> admissions = reference.memberBodies().stream()
                .map(seed -> MemberBody.admit(seed.code(), seed.name(), seed.localName(), seed.category(), SEEDED_BY,
                        clock.instant()))
                .toList();
        Set<String> codes = admissions.stream().map(a -> a.state().code()).collect(Collectors.toSet());
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
                .thenMany(Flux.fromIterable(admissions).concatMap(memberBodies::admitIfAbsent))
                .thenMany(Flux.fromIterable(registrations).concatMap(committees::registerIfAbsent))
                .count()
                .retryWhen(Retry.backoff(8, Duration.ofMillis(500)))
                .block(Duration.ofMinutes(2));
        log.info("Reference data in place: {} member bodies, {} committees ({})", admissions.size(), created,
                registrations.stream().map(r -> r.state().committeeId()).toList());
    }
}
