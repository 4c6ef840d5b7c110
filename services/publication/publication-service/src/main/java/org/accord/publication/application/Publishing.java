package org.accord.publication.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.EventRecorder;
import org.accord.messaging.OutgoingEvent;
import org.accord.messaging.Stored;
import org.accord.problem.ConflictException;
import org.accord.problem.NotFoundException;
import org.accord.problem.VersionConflictException;
import org.accord.publication.domain.Approval;
import org.accord.publication.domain.Designation;
import org.accord.publication.domain.Publication;
import org.accord.publication.domain.Standard;
import org.accord.publication.events.StandardEvents;
import org.accord.publication.persistence.FeedSequence;
import org.accord.publication.persistence.TextArchive;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The commands of the publication service: issue an approved text as a standard, withdraw a
 * standard. Each loads the project's document, asks the domain, draws the feed numbers the change
 * needs, and writes the new state with its events in one version-guarded write; a concurrent
 * write to the same project makes it start over.
 */
@Service
public class Publishing {

    private static final Retry ON_CONCURRENT_WRITE = Retry.backoff(5, Duration.ofMillis(20))
            .filter(VersionConflictException.class::isInstance);

    private final AggregateStore<Standard> standards;
    private final TextArchive texts;
    private final FeedSequence sequence;
    private final EventRecorder recorder;
    private final LiveFeed liveFeed;
    private final Clock clock;

    public Publishing(AggregateStore<Standard> standards, TextArchive texts, FeedSequence sequence, EventRecorder recorder,
                      LiveFeed liveFeed, Clock clock) {
        this.standards = standards;
        this.texts = texts;
        this.sequence = sequence;
        this.recorder = recorder;
        this.liveFeed = liveFeed;
        this.clock = clock;
    }

    /**
     * Issues the approved text. Idempotent: an approval event applied before, or another delivery
     * of the same proposal version, returns the publication issued the first time.
     */
    public Mono<Publication> issue(Approval approval, String eventId) {
        String id = Standard.idOf(approval.projectNumber());
        return Mono.defer(() -> standards.find(id).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(stored -> {
                            Standard current = stored.map(Stored::state).orElseGet(() -> Standard.empty(approval.projectNumber()));
                            Standard.Change change = current.publish(approval, clock.instant());
                            if (change.isEmpty()) {
                                return Mono.just(change.affected().get(0));
                            }
                            return texts.keep(change.affected().get(0).textSha256(), approval.text())
                                    .then(write(stored, id, change, eventId))
                                    .map(written -> written.affected().get(0));
                        }))
                .retryWhen(ON_CONCURRENT_WRITE)
                .doOnSuccess(p -> liveFeed.wake());
    }

    /** Withdraws the standard named by the designation (secretariat only). */
    public Mono<List<Publication>> withdraw(Designation designation, Integer edition, String reason, Actor actor) {
        actor.require(Role.SECRETARIAT);
        String id = Standard.idOf(designation.project());
        return Mono.defer(() -> standards.find(id)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("Standard", designation.toString())))
                        .flatMap(stored -> {
                            Standard.Change change = stored.state().withdraw(designation, edition, actor.name(), reason,
                                    clock.instant());
                            return write(Optional.of(stored), id, change, null);
                        }))
                .retryWhen(ON_CONCURRENT_WRITE)
                .map(Standard.Change::affected)
                .doOnSuccess(p -> liveFeed.wake());
    }

    private Mono<Standard.Change> write(Optional<Stored<Standard>> stored, String id, Standard.Change change, String eventId) {
        return sequence.reserve(change.numbersNeeded()).flatMap(first -> {
            Standard.Change numbered = change.numbered(first);
            List<OutgoingEvent> events = new ArrayList<>();
            numbered.published().forEach(e -> events.add(recorder.record(StandardEvents.PUBLISHED, e.proposalId(), e)));
            for (int i = 0; i < numbered.withdrawn().size(); i++) {
                events.add(recorder.record(StandardEvents.WITHDRAWN, numbered.affected().get(i).proposalId(),
                        numbered.withdrawn().get(i)));
            }
            Mono<Stored<Standard>> written = stored.isPresent()
                    ? standards.update(stored.get(), numbered.standard(), events, eventId)
                    // Two first publications of one project racing: the loser reads again and retries.
                    : standards.create(id, numbered.standard(), events)
                            .onErrorMap(e -> e instanceof ConflictException && !(e instanceof VersionConflictException),
                                    e -> new VersionConflictException("Standard", id, 0));
            return written.thenReturn(numbered);
        });
    }
}
