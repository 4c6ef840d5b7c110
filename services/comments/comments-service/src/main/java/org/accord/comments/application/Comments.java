package org.accord.comments.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.comments.domain.Change;
import org.accord.comments.domain.Comment;
import org.accord.comments.domain.CommentDraft;
import org.accord.comments.domain.CommentPeriod;
import org.accord.comments.domain.CommentSubmission;
import org.accord.comments.domain.FiledComment;
import org.accord.comments.domain.MemberBodyStanding;
import org.accord.comments.domain.SubmissionFingerprint;
import org.accord.comments.domain.SubmissionForm;
import org.accord.comments.domain.SubmissionIds;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.ConflictException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.problem.VersionConflictException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * National bodies' comments: submitted one at a time or as a whole national position (one
 * validation of everything, then one write), amended or withdrawn by their member body while the
 * period accepts comments, and resolved by the editor or the secretariat.
 */
@Service
public class Comments {

    private final AggregateStore<CommentSubmission> submissions;
    private final AggregateStore<CommentPeriod> periods;
    private final CommitteeRoster committees;
    private final MemberBodyRegister register;
    private final CommentPeriods commentPeriods;
    private final PublishedEvents events;
    private final Clock clock;
    private final MeterRegistry meters;

    public Comments(AggregateStore<CommentSubmission> submissions, AggregateStore<CommentPeriod> periods, CommitteeRoster committees,
                    MemberBodyRegister register, CommentPeriods commentPeriods, PublishedEvents events, Clock clock,
                    MeterRegistry meters) {
        this.submissions = submissions;
        this.periods = periods;
        this.committees = committees;
        this.register = register;
        this.commentPeriods = commentPeriods;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Accepts a national body's comments for a period, all or none. With an idempotency key, a
     * retry of the same request is answered with the first submission (nothing is stored twice)
     * and the same key with a different request is refused.
     */
    public Mono<Submitted> submit(String periodId, Actor actor, SubmissionForm form, List<CommentDraft> drafts, String idempotencyKey) {
        actor.require(Role.NATIONAL_BODY);
        String key = SubmissionIds.requireValidKey(idempotencyKey);
        String fingerprint = SubmissionFingerprint.of(periodId, form, drafts);
        if (key == null) {
            return accept(SubmissionIds.fresh(), periodId, actor, form, drafts, null, fingerprint);
        }
        String submissionId = SubmissionIds.forKey(periodId, actor.memberBody(), key);
        Mono<Submitted> earlier = submissions.find(submissionId).map(stored -> replay(stored.state(), fingerprint, key));
        return earlier.switchIfEmpty(Mono.defer(() -> accept(submissionId, periodId, actor, form, drafts, key, fingerprint)));
    }

    /** Load the period and its committee, let the domain accept or refuse everything, write the submission and its events once. */
    private Mono<Submitted> accept(String submissionId, String periodId, Actor actor, SubmissionForm form, List<CommentDraft> drafts,
                                   String key, String fingerprint) {
        return periods.find(periodId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Comment period", periodId)))
                .flatMap(period -> mayComment(actor).thenReturn(period))
                .flatMap(period -> commentPeriods.committeeOf(period.state()).flatMap(committee -> {
                    Change<CommentSubmission> change = CommentSubmission.submit(submissionId, period.state(), committee.orElse(null),
                            actor, form, drafts, key, fingerprint, now());
                    return submissions.create(submissionId, change.state(), events.record(period.state().proposalId(), change.events()))
                            .map(stored -> new Submitted(stored.state(), false))
                            // A concurrent retry with the same key got there first: answer with what it stored.
                            .onErrorResume(ConflictException.class, e -> key == null ? Mono.error(e)
                                    : submissions.find(submissionId).map(stored -> replay(stored.state(), fingerprint, key)));
                }))
                .doOnNext(submitted -> {
                    if (!submitted.replayed()) {
                        io.micrometer.core.instrument.Counter.builder("accord.comments.accepted")
                                .description("Comments accepted, by the form they came in (single, batch, csv, xlsx)")
                                .tag("form", form.name().toLowerCase(Locale.ROOT)).register(meters)
                                .increment(submitted.submission().comments().size());
                    }
                });
    }

    private static Submitted replay(CommentSubmission earlier, String fingerprint, String key) {
        if (!earlier.isRepeatedBy(fingerprint)) {
            throw (InvalidInputException) new InvalidInputException("Idempotency-Key", "'" + key
                    + "' was already used for a different request (submission " + earlier.submissionId()
                    + " in period " + earlier.periodId() + "); use a new key for new comments")
                    .with("submissionId", earlier.submissionId());
        }
        return new Submitted(earlier, true);
    }

    public Mono<FiledComment> amend(String commentId, CommentDraft draft, Actor actor) {
        return mayComment(actor).then(change(commentId, (submission, period) -> submission.amend(commentId, draft, period, actor, now())));
    }

    public Mono<FiledComment> withdraw(String commentId, Actor actor) {
        return change(commentId, (submission, period) -> submission.withdraw(commentId, period, actor, now()));
    }

    public Mono<FiledComment> resolve(String commentId, String disposition, String observations, Actor actor) {
        return change(commentId, (submission, period) -> submission.resolve(commentId, disposition, observations, actor,
                now()));
    }

    /** A comment, for the editor, the secretariat and the national bodies of the period's committee. */
    public Mono<FiledComment> comment(String commentId, Actor actor) {
        actor.require(Role.EDITOR, Role.SECRETARIAT, Role.NATIONAL_BODY);
        return load(commentId).flatMap(stored -> {
            CommentSubmission submission = stored.state();
            Comment comment = submission.requireComment(commentId);
            return commentPeriods.period(submission.periodId(), actor).thenReturn(new FiledComment(submission, comment));
        });
    }

    /**
     * Load the comment's submission and its period, let the domain decide, write the change and
     * its events in one version-guarded write. Changes to other comments of the same submission
     * in between make the write stale; the decision is then taken again on the fresh state.
     */
    private Mono<FiledComment> change(String commentId,
                                      BiFunction<CommentSubmission, CommentPeriod, Change<CommentSubmission>> decide) {
        return Mono.defer(() -> load(commentId).flatMap(stored -> periods.find(stored.state().periodId())
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("Comment period", stored.state().periodId())))
                        .flatMap(period -> {
                            Change<CommentSubmission> change = decide.apply(stored.state(), period.state());
                            if (!change.changed()) {
                                return Mono.just(stored.state());
                            }
                            return submissions.update(stored, change.state(), events.record(stored.state().proposalId(), change.events()))
                                    .map(Stored::state);
                        })))
                .retryWhen(Retry.max(5).filter(VersionConflictException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .map(submission -> new FiledComment(submission, submission.requireComment(commentId)));
    }

    /** Refuses (403 naming the rule) a member body the register has suspended, has seen resign, or lists as a subscriber. */
    private Mono<Void> mayComment(Actor actor) {
        return register.standingOf(actor.memberBody())
                .doOnNext(standing -> standing.ifPresent(MemberBodyStanding::requireMayComment))
                .then();
    }

    private Mono<Stored<CommentSubmission>> load(String commentId) {
        Optional<String> submissionId = SubmissionIds.submissionOf(commentId);
        if (submissionId.isEmpty()) {
            return Mono.error(new NotFoundException("Comment", commentId));
        }
        return submissions.find(submissionId.get())
                .filter(stored -> stored.state().comment(commentId).isPresent())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Comment", commentId)));
    }

    /** The store keeps milliseconds: deciding with the same precision makes an answer read back from it identical. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
