package org.accord.voting.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.ConflictException;
import org.accord.voting.domain.MemberBodyStanding;
import org.accord.voting.domain.MemberBodyStandings;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The member bodies' standing as the proposals service's register announces it (admissions,
 * categories, suspensions, resignations), kept by code to decide who may vote. A change applies
 * only when its revision is newer than the one kept, so redelivery changes nothing.
 */
@Service
public class MemberBodyRegister {

    private final AggregateStore<MemberBodyStanding> standings;

    public MemberBodyRegister(AggregateStore<MemberBodyStanding> standings) {
        this.standings = standings;
    }

    /** The standings of these bodies that the register announced (read by {@code _id}). */
    public Mono<MemberBodyStandings> standingsOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(MemberBodyStandings.NONE);
        }
        return standings.find(Criteria.where("_id").in(codes), Sort.unsorted(), 0, codes.size())
                .map(Stored::state)
                .collectList()
                .map(MemberBodyStandings::of);
    }

    /** Applies one announced change to the body's standing (an unknown body starts from {@link MemberBodyStanding#unknown}). */
    public Mono<Void> apply(String code, UnaryOperator<MemberBodyStanding> change) {
        return Mono.defer(() -> standings.find(code)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(kept -> {
                            MemberBodyStanding next = change.apply(kept.map(Stored::state).orElseGet(() -> MemberBodyStanding.unknown(code)));
                            if (kept.isEmpty()) {
                                return standings.create(code, next, List.of()).then();
                            }
                            return next.isNewerThan(kept.get().state())
                                    ? standings.update(kept.get(), next, List.of()).then()
                                    : Mono.<Void>empty();
                        }))
                // Two instances may apply the same change at once; the loser re-reads and decides again.
                .retryWhen(Retry.max(3).filter(ConflictException.class::isInstance));
    }
}
