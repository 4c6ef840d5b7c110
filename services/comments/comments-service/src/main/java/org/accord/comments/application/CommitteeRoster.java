package org.accord.comments.application;

import java.util.List;
import java.util.Optional;

import org.accord.comments.domain.Committee;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The committees' memberships as the proposals service announces them: each announcement is a
 * full snapshot, and only a newer one replaces what is kept, so redelivered or late snapshots
 * change nothing.
 */
@Service
public class CommitteeRoster {

    private static final Logger log = LoggerFactory.getLogger(CommitteeRoster.class);

    private final AggregateStore<Committee> committees;

    public CommitteeRoster(AggregateStore<Committee> committees) {
        this.committees = committees;
    }

    public Mono<Committee> committee(String committeeId) {
        return committeeId == null ? Mono.empty() : committees.find(committeeId).map(Stored::state);
    }

    public Mono<Void> apply(Committee snapshot) {
        return Mono.defer(() -> committees.find(snapshot.committeeId())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(current -> current.isEmpty()
                                ? committees.create(snapshot.committeeId(), snapshot, List.of()).then()
                                : replaceIfNewer(current.get(), snapshot)))
                // Two instances may create or replace the same committee at once; the loser re-reads and decides again.
                .retryWhen(Retry.max(3).filter(ConflictException.class::isInstance));
    }

    private Mono<Void> replaceIfNewer(Stored<Committee> current, Committee snapshot) {
        if (!snapshot.isNewerThan(current.state())) {
            log.debug("Committee {}: membership version {} is not newer than {}, kept", snapshot.committeeId(),
                    snapshot.membershipVersion(), current.state().membershipVersion());
            return Mono.empty();
        }
        return committees.update(current, snapshot, List.of()).then();
    }
}
