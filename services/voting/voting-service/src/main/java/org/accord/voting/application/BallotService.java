package org.accord.voting.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.actor.Actor;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Deadlines;
import org.accord.messaging.Stored;
import org.accord.problem.NotFoundException;
import org.accord.problem.VersionConflictException;
import org.accord.voting.domain.Ballot;
import org.accord.voting.domain.BallotFact;
import org.accord.voting.domain.BallotRequest;
import org.accord.voting.domain.BallotStatus;
import org.accord.voting.domain.Transition;
import org.accord.voting.domain.Vote;
import org.accord.voting.domain.VoteChoice;
import org.accord.voting.persistence.BallotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The ballot's commands and queries. Each command loads the ballot, asks it what the step
 * changes, and writes the new state with the events it causes in one version-guarded write.
 */
@Service
public class BallotService {

    private static final Logger log = LoggerFactory.getLogger(BallotService.class);
    static final int MAX_LISTED = 200;
    /** Retries of a write that lost a race; with jittered backoff, enough for every member body voting at once. */
    static final int MAX_RETRIES = 8;

    private final AggregateStore<Ballot> ballots;
    private final MemberBodyRegister register;
    private final BallotEventRecords events;
    private final Deadlines deadlines;
    private final Clock clock;
    private final MeterRegistry metrics;

    public BallotService(AggregateStore<Ballot> ballots, MemberBodyRegister register, BallotEventRecords events,
                         Deadlines deadlines, Clock clock, MeterRegistry metrics) {
        this.ballots = ballots;
        this.register = register;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
        this.metrics = metrics;
        // Open ballots are the schedule; one whose deadline passed while the service was down closes at the first tick.
        deadlines.handle(() -> ballots.deadlines(Criteria.where(BallotStore.STATUS).is(BallotStatus.OPEN.name()), BallotStore.DEADLINE),
                this::closeIfDue);
    }

    /** Opens the requested ballot once: a redelivered request finds it open and changes nothing. */
    public Mono<Stored<Ballot>> open(BallotRequest request) {
        return Mono.defer(() -> {
            Transition opening = Ballot.open(request, clock.instant());
            Ballot ballot = opening.ballot();
            return ballots.createIfAbsent(ballot.ballotId(), ballot, events.of(ballot, opening.facts()))
                    .doOnNext(this::schedule)
                    .doOnNext(stored -> {
                        if (stored.state().openedAt().equals(ballot.openedAt())) {
                            io.micrometer.core.instrument.Counter.builder("accord.ballots.opened").description("Ballots opened, by type")
                                    .tag("type", ballot.ballotType().name()).register(metrics).increment();
                            log.info("Ballot {} ({} on proposal {}) is open until {}", stored.id(), ballot.ballotType(),
                                    ballot.proposalId(), ballot.deadline());
                        } else {
                            log.info("Ballot {} was already open; the repeated request changes nothing", stored.id());
                        }
                    });
        });
    }

    /**
     * Records a member body's vote. A vote does not depend on the other votes, so a write that
     * lost the race against another vote (version conflict) is simply retried on the new state.
     * The register's standing of the electorate's bodies decides too: a suspended or resigned body,
     * or one of a category that does not vote, is refused; resigned ones no longer count as still to vote.
     */
    public Mono<Stored<Ballot>> cast(Actor actor, String ballotId, String memberBody, VoteChoice choice) {
        return changeWith(ballotId, ballot -> register.standingsOf(ballot.electorate())
                .map(standings -> ballot.cast(actor, memberBody, choice, clock.instant(), standings)));
    }

    /** Closes the ballot if its deadline has passed; closing a closed ballot changes nothing. */
    public Mono<Stored<Ballot>> closeIfDue(String ballotId) {
        return change(ballotId, ballot -> ballot.closeIfDue(clock.instant()));
    }

    /**
     * Ends every open ballot of a withdrawn project (outcome WITHDRAWN); a redelivered withdrawal
     * finds them closed and changes nothing.
     */
    public Mono<Long> withdraw(String proposalId, String fromStage) {
        return ballotsOf(proposalId, stored -> stored.state().status() == BallotStatus.OPEN)
                .concatMap(stored -> change(stored.id(), ballot -> ballot.withdraw(fromStage, clock.instant())))
                .count();
    }

    public Mono<Stored<Ballot>> find(String ballotId) {
        return ballots.find(ballotId).switchIfEmpty(Mono.error(() -> new NotFoundException("Ballot", ballotId)));
    }

    /** The ballot as the actor may see it; see {@link Ballot#requireReadableBy(Actor)}. */
    public Mono<Stored<Ballot>> read(Actor actor, String ballotId) {
        return find(ballotId).doOnNext(stored -> stored.state().requireReadableBy(actor));
    }

    /** The ballots of a proposal the actor may see: all once closed, open ones only to the committee. */
    public Flux<Stored<Ballot>> findByProposal(Actor actor, String proposalId) {
        return ballotsOf(proposalId, stored -> true).filter(stored -> stored.state().readableBy(actor));
    }

    /**
     * The first {@link #MAX_LISTED} ballots of a proposal that match, oldest first: read from the
     * ballots kept under the proposal (a handful) and filtered and ordered here.
     */
    private Flux<Stored<Ballot>> ballotsOf(String proposalId, Predicate<Stored<Ballot>> matching) {
        return ballots.children(proposalId).filter(matching)
                .sort(Comparator.comparing((Stored<Ballot> stored) -> stored.state().openedAt()))
                .take(MAX_LISTED);
    }

    /** Every vote as cast, in order; see {@link Ballot#requireHistoryReadableBy(Actor)}. */
    public Mono<List<Vote>> history(Actor actor, String ballotId) {
        return find(ballotId).map(stored -> {
            stored.state().requireHistoryReadableBy(actor);
            return stored.state().history();
        });
    }

    /** A member body's current vote; see {@link Ballot#requireVoteReadableBy(Actor, String)}. */
    public Mono<Vote> vote(Actor actor, String ballotId, String memberBody) {
        return find(ballotId).flatMap(stored -> {
            stored.state().requireVoteReadableBy(actor, memberBody);
            return Mono.justOrEmpty(stored.state().voteOf(memberBody));
        }).switchIfEmpty(Mono.error(() -> new NotFoundException("Vote", ballotId + "/" + memberBody)));
    }

    private Mono<Stored<Ballot>> change(String ballotId, Function<Ballot, Transition> step) {
        return changeWith(ballotId, ballot -> Mono.fromSupplier(() -> step.apply(ballot)));
    }

    private Mono<Stored<Ballot>> changeWith(String ballotId, Function<Ballot, Mono<Transition>> step) {
        return Mono.defer(() -> find(ballotId).flatMap(stored -> step.apply(stored.state()).flatMap(transition -> {
                    if (!transition.changed()) {
                        schedule(stored);
                        return Mono.just(stored);
                    }
                    return ballots.update(stored, transition.ballot(), events.of(transition.ballot(), transition.facts()))
                            .doOnNext(this::schedule)
                            .doOnNext(saved -> count(transition));
                })))
                .retryWhen(Retry.backoff(MAX_RETRIES, Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(300))
                        .filter(VersionConflictException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** Tells the deadline schedule what this write left: an open ballot's deadline, or nothing once closed. */
    private void schedule(Stored<Ballot> stored) {
        deadlines.track(stored.id(), stored.state().closed() ? null : stored.state().deadline());
    }

    private void count(Transition transition) {
        for (BallotFact fact : transition.facts()) {
            if (fact instanceof BallotFact.VoteRecorded) {
                io.micrometer.core.instrument.Counter.builder("accord.ballots.votes.cast").description("Votes recorded, by ballot type")
                        .tag("type", transition.ballot().ballotType().name()).register(metrics).increment();
            } else if (fact instanceof BallotFact.Closed closed) {
                io.micrometer.core.instrument.Counter.builder("accord.ballots.closed")
                        .description("Ballots closed, by outcome and by what closed them")
                        .tag("outcome", closed.result().outcome().name()).tag("reason", closed.result().closedBecause().name())
                        .register(metrics).increment();
                log.info("Ballot {} closed ({}): {}", transition.ballot().ballotId(), closed.result().closedBecause(),
                        closed.result().explanation());
            }
        }
    }
}
