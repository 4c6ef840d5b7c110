package org.accord.comments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.comments.domain.Change;
import org.accord.comments.domain.CloseReason;
import org.accord.comments.domain.CommentPeriod;
import org.accord.comments.domain.CommentSubmission;
import org.accord.comments.domain.Committee;
import org.accord.comments.domain.Compilation;
import org.accord.comments.domain.DraftClause;
import org.accord.comments.domain.FiledComment;
import org.accord.comments.domain.PeriodKind;
import org.accord.comments.domain.PeriodStatus;
import org.accord.comments.persistence.StoreIndexes;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Deadlines;
import org.accord.messaging.Stored;
import org.accord.messaging.UnknownReferenceException;
import org.accord.problem.NotFoundException;
import org.accord.problem.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Comment periods from opening to close: opened by the proposals service's events (a review, a
 * DIS/FDIS ballot), closed at the deadline by the {@link Deadlines} schedule or early at the editor's request,
 * and read by the editor, the secretariat and the committee's national bodies.
 */
@Service
public class CommentPeriods {

    private static final Logger log = LoggerFactory.getLogger(CommentPeriods.class);
    /** Open periods of one project closed at its withdrawal (a project has a handful). */
    static final int CLOSE_BATCH = 100;
    /** Periods listed at most by one request. */
    static final int MAX_LISTED = 500;
    private static final Comparator<Stored<CommentPeriod>> OLDEST_PERIOD_FIRST = Comparator
            .comparing((Stored<CommentPeriod> stored) -> stored.state().openedAt()).thenComparing(Stored::id);
    /** The order a period's submissions are read in: as they were sent, ties by id. */
    private static final Comparator<CommentSubmission> OLDEST_FIRST = Comparator.comparing(CommentSubmission::submittedAt)
            .thenComparing(CommentSubmission::submissionId);

    private final AggregateStore<CommentPeriod> periods;
    private final AggregateStore<CommentSubmission> submissions;
    private final DraftVersions drafts;
    private final CommitteeRoster committees;
    private final PublishedEvents events;
    private final Deadlines deadlines;
    private final Clock clock;

    public CommentPeriods(AggregateStore<CommentPeriod> periods, AggregateStore<CommentSubmission> submissions,
                          DraftVersions drafts, CommitteeRoster committees, PublishedEvents events, Deadlines deadlines,
                          Clock clock) {
        this.periods = periods;
        this.submissions = submissions;
        this.drafts = drafts;
        this.committees = committees;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
        // Open periods are the schedule; a deadline that passed while the service was down closes at the first tick.
        deadlines.handle(() -> periods.deadlines(Criteria.where(StoreIndexes.STATUS).is(PeriodStatus.OPEN.name()), StoreIndexes.DEADLINE),
                periodId -> close(periodId, CloseReason.DEADLINE, null));
    }

    /**
     * Opens period {@code periodId} unless it exists (a redelivered event opens nothing twice).
     * The clauses come with the event; if it carried none, those recorded for the version are used.
     */
    public Mono<Stored<CommentPeriod>> open(String periodId, String proposalId, String committeeId, PeriodKind kind, int version,
                                            List<DraftClause> clauses, List<String> participating, List<String> observing,
                                            Instant deadline, String openedBy) {
        Mono<List<DraftClause>> known = clauses != null && !clauses.isEmpty() ? Mono.just(clauses)
                : drafts.clauses(proposalId, version);
        return known.flatMap(list -> {
            Change<CommentPeriod> change = CommentPeriod.open(periodId, proposalId, committeeId, kind, version, list, participating,
                    observing, deadline, openedBy, now());
            return periods.createIfAbsent(periodId, change.state(), events.record(proposalId, change.events()))
                    .doOnNext(this::schedule);
        });
    }

    private void schedule(Stored<CommentPeriod> stored) {
        deadlines.track(stored.id(), stored.state().isOpen() ? stored.state().deadline() : null);
    }

    /**
     * Closes the period through the version-guarded write, counting its comments; a period that
     * is closed already stays as it is. {@code appliedEventId} is the consumed event that asked
     * for it, if any, recorded in the same write.
     */
    public Mono<Void> close(String periodId, CloseReason reason, String appliedEventId) {
        return Mono.defer(() -> periods.find(periodId)
                        // The request to close follows the event that opened the period on the same partition:
                        // a period this service does not have means that event was lost or dead-lettered.
                        .switchIfEmpty(Mono.error(() -> new UnknownReferenceException("comment period", periodId,
                                "asked to close it (" + reason + ") before it was opened here")))
                        .flatMap(stored -> {
                            if (!stored.state().isOpen()) {
                                schedule(stored);
                                return Mono.empty();
                            }
                            return submissionsOf(periodId).flatMap(held -> {
                                Change<CommentPeriod> change = stored.state().close(reason, FiledComment.commentsOf(held), now());
                                if (!change.changed()) {
                                    return Mono.empty();
                                }
                                return periods.update(stored, change.state(), events.record(stored.state().proposalId(), change.events()),
                                        appliedEventId).doOnNext(this::schedule).doOnNext(closed -> log.info("Comment period {} closed ({}): {} comment(s)",
                                        periodId, reason, closed.state().counts().total()));
                            });
                        }))
                // The scanner and an early close may race: the loser re-reads, finds it closed, and does nothing.
                .retryWhen(Retry.max(3).filter(VersionConflictException.class::isInstance))
                .then();
    }

    /**
     * Closes every open period of a withdrawn project (committee consultations and enquiries
     * alike) with reason WITHDRAWN; a redelivered withdrawal finds them closed. Cost: the
     * project's periods, read by slot ({@link #periodsOf(String)}).
     */
    public Mono<Void> closeAllOf(String proposalId, CloseReason reason, String appliedEventId) {
        return periodsOf(proposalId).filter(stored -> stored.state().isOpen()).take(CLOSE_BATCH)
                .concatMap(stored -> close(stored.id(), reason, appliedEventId))
                .then();
    }

    public Mono<CommentPeriod> period(String periodId, Actor actor) {
        actor.require(Role.EDITOR, Role.SECRETARIAT, Role.NATIONAL_BODY);
        return periods.find(periodId).switchIfEmpty(Mono.error(() -> new NotFoundException("Comment period", periodId)))
                .flatMap(stored -> committeeOf(stored.state())
                        .map(committee -> stored.state().requireReadableBy(actor, committee.orElse(null))));
    }

    /**
     * The periods of a proposal (or all), oldest first; a national body sees those of its
     * committees only. Cost: with a proposal, that proposal's periods, read by slot
     * ({@link #periodsOf(String)}); without, a query on every period (the {@code by_opening} index
     * serves it on MongoDB; the embedded store reads every period), at most {@value #MAX_LISTED} listed.
     */
    public Flux<CommentPeriod> periods(String proposalId, PeriodStatus status, Actor actor) {
        actor.require(Role.EDITOR, Role.SECRETARIAT, Role.NATIONAL_BODY);
        Flux<CommentPeriod> listed;
        if (proposalId != null) {
            listed = periodsOf(proposalId).map(Stored::state).filter(period -> status == null || period.status() == status)
                    .take(MAX_LISTED);
        } else {
            Criteria criteria = status == null ? new Criteria() : Criteria.where(StoreIndexes.STATUS).is(status.name());
            listed = periods.find(criteria, Sort.by("state.openedAt", "_id"), 0, MAX_LISTED).map(Stored::state);
        }
        return listed.concatMap(period -> committeeOf(period)
                .filter(committee -> period.isReadableBy(actor, committee.orElse(null)))
                .map(committee -> period));
    }

    /**
     * A proposal's periods, oldest first (then by id): read from the slots they are kept under
     * ({@link AggregateStore#children(String)}) and ordered here. Cost: the proposal's own periods
     * (a handful), never the rest of the collection.
     */
    private Flux<Stored<CommentPeriod>> periodsOf(String proposalId) {
        return periods.children(proposalId).sort(OLDEST_PERIOD_FIRST);
    }

    /**
     * Every comment of a period, withdrawn ones included, in compilation order. Cost: the period's
     * submissions, read by slot (see {@link #submissionsOf(String)}); the compilation order (clause,
     * then member body) needs them all, whatever part of the list is asked for.
     */
    public Mono<List<FiledComment>> comments(String periodId, Actor actor) {
        return period(periodId, actor).flatMap(period -> submissionsOf(periodId)).map(FiledComment::allOf);
    }

    /**
     * The comments of one submission of the period, in compilation order (empty if the
     * submission is not the period's). Cost: one read by {@code _id}, however many submissions
     * the period holds.
     */
    public Mono<List<FiledComment>> comments(String periodId, String submissionId, Actor actor) {
        return period(periodId, actor).flatMap(period -> submissions.find(submissionId)
                        .map(Stored::state)
                        .filter(submission -> submission.periodId().equals(periodId))
                        .map(List::of)
                        .defaultIfEmpty(List.of()))
                .map(FiledComment::allOf);
    }

    public Mono<Compilation> compilation(String periodId, Actor actor) {
        return period(periodId, actor).flatMap(period -> submissionsOf(periodId).map(held -> Compilation.of(period, held)));
    }

    /**
     * The period's submissions, oldest first (then by id): read from the slots they are kept under,
     * a page of slots at a time by exact key ({@link AggregateStore#children(String)}), and ordered
     * here. Cost: the period's own submissions (one document each, plus one empty page of slot
     * lookups at the end), never the rest of the collection; memory: the period's submissions.
     */
    Mono<List<CommentSubmission>> submissionsOf(String periodId) {
        return submissions.children(periodId).map(Stored::state).collectSortedList(OLDEST_FIRST);
    }

    Mono<Optional<Committee>> committeeOf(CommentPeriod period) {
        return committees.committee(period.committeeId()).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** The store keeps milliseconds: deciding with the same precision makes an answer read back from it identical. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
