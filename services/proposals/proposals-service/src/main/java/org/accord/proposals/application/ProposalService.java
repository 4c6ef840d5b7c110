package org.accord.proposals.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.accord.actor.Actor;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.messaging.UnknownReferenceException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.problem.VersionConflictException;
import org.accord.proposals.domain.BallotType;
import org.accord.proposals.domain.Change;
import org.accord.proposals.domain.DraftVersion;
import org.accord.proposals.domain.ParsedDraft;
import org.accord.proposals.domain.Proposal;
import org.accord.proposals.domain.PublishedStandard;
import org.accord.proposals.domain.RuleSet;
import org.accord.proposals.domain.Submission;
import org.accord.proposals.persistence.DraftTexts;
import org.accord.proposals.persistence.ProjectNumbers;
import org.accord.proposals.persistence.PublishedStandards;
import org.accord.proposals.persistence.StoredDraftText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The proposal's commands and its reactions to the other services' events. Each reads like the
 * process: load the proposal, ask the domain, save the new state and its events in one
 * version-guarded write. Version texts are stored before the write that refers to them.
 */
@Service
public class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    private final AggregateStore<Proposal> proposals;
    private final CommitteeService committees;
    private final DraftTexts texts;
    private final ProjectNumbers projectNumbers;
    private final PublishedStandards standards;
    private final ProposalOutbox outbox;
    private final Clock clock;
    private final Period deadlineHorizon;

    public ProposalService(AggregateStore<Proposal> proposals, CommitteeService committees, DraftTexts texts,
                           ProjectNumbers projectNumbers, PublishedStandards standards, ProposalOutbox outbox, Clock clock,
                           @Value("${accord.deadlines.horizon:P2Y}") Period deadlineHorizon) {
        this.deadlineHorizon = deadlineHorizon;
        this.proposals = proposals;
        this.committees = committees;
        this.texts = texts;
        this.projectNumbers = projectNumbers;
        this.standards = standards;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- commands

    public Mono<Stored<Proposal>> submit(Submission request, String text, Actor actor) {
        return Mono.defer(() -> {
            ParsedDraft draft = Proposal.prepare(request, text, actor);
            return committees.resolve(request.committeeId())
                    .switchIfEmpty(Mono.error(() -> new InvalidInputException("committee", "'" + request.committeeId()
                            + "' is not a committee; see GET /committees")))
                    .flatMap(committee -> {
                        Submission submission = new Submission(committee.id(), request.title(), request.scope(),
                                request.kind(), blankToNull(request.basedOn()));
                        return projectNumberFor(submission).flatMap(number -> {
                            String id = UUID.randomUUID().toString();
                            Instant now = clock.instant();
                            Change<Proposal> change = Proposal.submit(id, number, submission, draft, actor, now);
                            return storeText(change.state(), text, actor, now)
                                    .then(proposals.create(id, change.state(), outbox.of(id, change.events())));
                        });
                    });
        });
    }

    public Mono<Stored<Proposal>> revise(String proposalId, String text, String note, String ifMatch, Actor actor) {
        return load(proposalId).flatMap(stored -> {
            Preconditions.requireMatch(stored, ifMatch);
            Instant now = clock.instant();
            Change<Proposal> change = stored.state().reviseDraft(text, blankToNull(note), actor, now);
            return storeText(change.state(), text, actor, now).then(save(stored, change));
        });
    }

    public Mono<Stored<Proposal>> openCommentPeriod(String proposalId, Instant deadline, String ifMatch, Actor actor) {
        return load(proposalId).flatMap(stored -> {
            Preconditions.requireMatch(stored, ifMatch);
            String periodId = "cp-" + UUID.randomUUID();
            return save(stored, stored.state().openCommentPeriod(periodId, deadline, deadlineHorizon, actor, clock.instant()));
        });
    }

    public Mono<Stored<Proposal>> closeCommentPeriod(String proposalId, String periodId, String ifMatch, Actor actor) {
        return load(proposalId).flatMap(stored -> {
            Preconditions.requireMatch(stored, ifMatch);
            return save(stored, stored.state().closeCommentPeriod(periodId, actor, clock.instant()));
        });
    }

    public Mono<Stored<Proposal>> requestBallot(String proposalId, BallotType type, RuleSet ruleSet, Instant deadline,
                                                boolean earlyCloseAllowed, String ifMatch, Actor actor) {
        return load(proposalId).flatMap(stored -> committees.get(stored.state().committeeId()).flatMap(committee ->
                committees.electorateOf(committee.state()).flatMap(electorate -> {
                    Preconditions.requireMatch(stored, ifMatch);
                    String ballotId = "b-" + UUID.randomUUID();
                    return save(stored, stored.state().requestBallot(ballotId, type, ruleSet, deadline, earlyCloseAllowed,
                            electorate, committee.state().procedure(), deadlineHorizon, actor, clock.instant()));
                })));
    }

    /** Publishes the version the enquiry approved, with the text stored for it. */
    public Mono<Stored<Proposal>> skipFinalBallot(String proposalId, String ifMatch, Actor actor) {
        return load(proposalId).flatMap(stored -> textOf(stored, stored.state().approved() == null ? null
                : stored.state().approved().version()).flatMap(text -> {
            Preconditions.requireMatch(stored, ifMatch);
            return save(stored, stored.state().skipFinalBallot(text.orElse(null), actor, clock.instant()));
        }));
    }

    public Mono<Stored<Proposal>> withdraw(String proposalId, String reason, String ifMatch, Actor actor) {
        return load(proposalId).flatMap(stored -> {
            Preconditions.requireMatch(stored, ifMatch);
            return save(stored, stored.state().withdraw(blankToNull(reason), actor, clock.instant()));
        });
    }

    // ---------------------------------------------------------------- reactions

    public Mono<Void> commentPeriodClosed(String eventId, String by, String proposalId, String periodId, String reason,
                                          int comments) {
        return react(proposalId, eventId, stored -> Mono.just(
                stored.state().commentPeriodClosed(periodId, reason, comments, by, clock.instant())));
    }

    public Mono<Void> ballotClosed(String eventId, String by, String proposalId, String ballotId, boolean approved,
                                   Integer negativeVotes, String explanation) {
        return react(proposalId, eventId, stored -> textOf(stored, stored.state().ballot() == null ? null
                : stored.state().ballot().version()).map(text -> stored.state().ballotClosed(ballotId, approved, negativeVotes,
                explanation, text.orElse(null), by, clock.instant())));
    }

    /** Remembers the designation (what later revisions are based on), then moves the proposal to 60.60. */
    public Mono<Void> standardPublished(String eventId, String by, PublishedStandard standard) {
        return standards.createIfAbsent(standard)
                .then(react(standard.proposalId(), eventId, stored -> Mono.just(
                        stored.state().standardPublished(standard.designation(), by, clock.instant()))));
    }

    /**
     * Applies a reaction once per event id, in the same write that records the id. A concurrent
     * edit makes the write fail on the version guard: the proposal is read again and the reaction
     * decided anew.
     */
    private Mono<Void> react(String proposalId, String eventId,
                             Function<Stored<Proposal>, Mono<Optional<Change<Proposal>>>> decide) {
        if (proposalId == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> proposals.find(proposalId))
                // Every event reacted to here follows one of this proposal's own events: a proposal this
                // service does not have means a lost write, never an event to drop.
                .switchIfEmpty(Mono.error(() -> new UnknownReferenceException("proposal", proposalId,
                        "the event follows one of its own events, so it should be stored")))
                .flatMap(stored -> stored.hasApplied(eventId) ? Mono.<Void>empty() : apply(stored, eventId, decide))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20)).filter(VersionConflictException.class::isInstance))
                .then();
    }

    private Mono<Void> apply(Stored<Proposal> stored, String eventId,
                             Function<Stored<Proposal>, Mono<Optional<Change<Proposal>>>> decide) {
        return decide.apply(stored).flatMap(change -> {
            if (change.isEmpty()) {
                log.debug("Event {} changes nothing on proposal {} at {}", eventId, stored.id(), stored.state().stage());
                return Mono.empty();
            }
            return proposals.update(stored, change.get().state(), outbox.of(stored.id(), change.get().events()), eventId)
                    .then();
        });
    }

    // ---------------------------------------------------------------- shared steps

    Mono<Stored<Proposal>> load(String proposalId) {
        return proposals.find(proposalId).switchIfEmpty(Mono.error(() -> new NotFoundException("Proposal", proposalId)));
    }

    /** The stored text of a version (empty for none): what a ballot on that version was on. */
    Mono<Optional<String>> textOf(Stored<Proposal> stored, Integer version) {
        Optional<DraftVersion> found = version == null ? Optional.empty() : stored.state().version(version);
        if (found.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return text(stored.state(), found.get()).map(text -> Optional.of(text.text()));
    }

    Mono<StoredDraftText> text(Proposal proposal, DraftVersion version) {
        return texts.find(proposal.proposalId(), version).switchIfEmpty(Mono.error(() -> new IllegalStateException(
                "The text of version " + version.number() + " of proposal " + proposal.proposalId() + " is missing")));
    }

    private Mono<Stored<Proposal>> save(Stored<Proposal> stored, Change<Proposal> change) {
        return proposals.update(stored, change.state(), outbox.of(stored.id(), change.events()));
    }

    /** NEW projects take the next number; the others keep the number of the standard they change. */
    private Mono<Integer> projectNumberFor(Submission submission) {
        if (!submission.kind().changesAPublishedStandard()) {
            return projectNumbers.next();
        }
        return standards.find(submission.basedOn())
                .switchIfEmpty(Mono.error(() -> new InvalidInputException("basedOn", "'" + submission.basedOn()
                        + "' is not a designation this service has seen published")))
                .map(PublishedStandard::projectNumber);
    }

    private Mono<StoredDraftText> storeText(Proposal proposal, String text, Actor actor, Instant now) {
        DraftVersion version = proposal.latestVersion();
        return texts.createIfAbsent(new StoredDraftText(
                StoredDraftText.idOf(proposal.proposalId(), version.number(), version.sha256()), proposal.proposalId(),
                version.number(), version.sha256(), text, proposal.clauses(), actor.name(), now));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
