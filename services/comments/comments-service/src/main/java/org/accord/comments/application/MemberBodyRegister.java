package org.accord.comments.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.accord.comments.domain.MemberBodyStanding;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.ConflictException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The member bodies' standing as the proposals service's register announces it (admissions,
 * categories, suspensions, resignations), kept to decide who may comment. A change applies only
 * when its revision is newer than the one kept.
 */
@Service
public class MemberBodyRegister {

    private final AggregateStore<MemberBodyStanding> standings;

    public MemberBodyRegister(AggregateStore<MemberBodyStanding> standings) {
        this.standings = standings;
    }

    /** The body's standing; empty for one the register has not announced (its committee membership decides alone). */
    public Mono<Optional<MemberBodyStanding>> standingOf(String code) {
        return code == null ? Mono.just(Optional.empty())
                : standings.find(code).map(stored -> Optional.of(stored.state())).defaultIfEmpty(Optional.empty());
    }

    /** Applies one announced change: {@code next} turns what is kept (if anything) into the body's new standing. */
    public Mono<Void> apply(String code, Function<Optional<MemberBodyStanding>, MemberBodyStanding> next) {
        return Mono.defer(() -> standings.find(code)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(current -> {
                            MemberBodyStanding standing = next.apply(current.map(Stored::state));
                            if (current.isEmpty()) {
                                return standings.create(code, standing, List.of()).then();
                            }
                            return standing.isNewerThan(current.get().state())
                                    ? standings.update(current.get(), standing, List.of()).then()
                                    : Mono.empty();
                        }))
                // Two instances may apply the same change at once; the loser re-reads and decides again.
                .retryWhen(Retry.max(3).filter(ConflictException.class::isInstance));
    }
}
